#include "game/replay/recording_codec.h"

#include "engine/core/hash.h"
#include "game/app/options.h"
#include "scripting/sandbox_limits.h"

#include <cstring>
#include <fstream>
#include <sstream>
#include <zlib.h>

namespace game {

namespace {
constexpr char kMagic[8] = {'A', 'R', 'E', 'N', 'A', 'R', 'E', 'C'};
constexpr size_t kPreamble = 8 + 4 + 8 + 8;
constexpr uint64_t kMaxBody = uint64_t(1) << 30; // 1 GiB: hours of play at 10,000 enemies
constexpr uint64_t kMaxTicks = 10000000;         // 46 hours of play: a longer one is corrupt

enum TickFlags : uint8_t {
    kMoveChanged = 1,
    kAimChanged = 2,
    kFire = 4,
    kHasActions = 8,
    kHasCheckpoint = 16,
};

struct Writer {
    std::string out;
    void u64(uint64_t v) {
        while (v >= 0x80) {
            out.push_back(char(uint8_t(v) | 0x80));
            v >>= 7;
        }
        out.push_back(char(v));
    }
    void i64(int64_t v) { u64((uint64_t(v) << 1) ^ uint64_t(v >> 63)); }
    void byte(uint8_t v) { out.push_back(char(v)); }
    void f32(float v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void vec(glm::vec2 v) {
        f32(v.x);
        f32(v.y);
    }
    void str(const std::string& s) {
        u64(s.size());
        out += s;
    }
    void fixed64(uint64_t v) {
        for (int i = 0; i < 8; ++i)
            out.push_back(char(uint8_t(v >> (8 * i))));
    }
};

// Every read checks what is left; the first failure sticks and names what was being read.
struct Reader {
    std::string_view in;
    size_t at = 0;
    std::string error;

    bool fail(const char* what) {
        if (error.empty())
            error = std::string("truncated or corrupted body (reading ") + what + " at byte " +
                    std::to_string(at) + ")";
        return false;
    }
    bool ok() const { return error.empty(); }
    uint64_t u64(const char* what) {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= in.size()) {
                fail(what);
                return 0;
            }
            const uint8_t b = uint8_t(in[at++]);
            v |= uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        fail(what);
        return 0;
    }
    int64_t i64(const char* what) {
        const uint64_t v = u64(what);
        return int64_t(v >> 1) ^ -int64_t(v & 1);
    }
    int32_t i32(const char* what) {
        const int64_t v = i64(what);
        if (v < INT32_MIN || v > INT32_MAX) {
            fail(what);
            return 0;
        }
        return int32_t(v);
    }
    uint8_t byte(const char* what) {
        if (at >= in.size()) {
            fail(what);
            return 0;
        }
        return uint8_t(in[at++]);
    }
    float f32(const char* what) {
        float v = 0;
        if (in.size() - at < sizeof v) {
            fail(what);
            return 0;
        }
        std::memcpy(&v, in.data() + at, sizeof v);
        at += sizeof v;
        return v;
    }
    glm::vec2 vec(const char* what) {
        const float x = f32(what);
        return {x, f32(what)};
    }
    std::string str(const char* what) {
        const uint64_t size = u64(what);
        if (!ok() || size > in.size() - at) {
            fail(what);
            return {};
        }
        std::string s(in.substr(at, size));
        at += size;
        return s;
    }
    /// A count of items that each take at least `minBytes`: more than what is left is corrupt.
    uint64_t count(const char* what, size_t minBytes) {
        const uint64_t n = u64(what);
        if (ok() && n > (in.size() - at) / std::max<size_t>(1, minBytes))
            fail(what);
        return ok() ? n : 0;
    }
};

uint64_t readFixed64(const char* p) {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v |= uint64_t(uint8_t(p[i])) << (8 * i);
    return v;
}

uint64_t bodyHash(std::string_view body) {
    engine::Hasher h;
    h.bytes(body.data(), body.size());
    return h.digest();
}

void writeScript(Writer& w, const scripting::ScriptInput& s) {
    w.str(s.path);
    w.byte(uint8_t(s.state));
    w.str(s.text);
}

bool readScript(Reader& r, scripting::ScriptInput* s) {
    s->path = r.str("a script's path");
    const uint8_t state = r.byte("a script's state");
    if (state > uint8_t(scripting::ScriptInput::State::Unreadable))
        return r.fail("a script's state");
    s->state = scripting::ScriptInput::State(state);
    s->text = r.str("a script's text");
    return r.ok();
}

void writeAction(Writer& w, const RecordedAction& a) {
    w.byte(uint8_t(a.kind));
    switch (a.kind) {
    case ActionKind::Script: writeScript(w, a.script); break;
    case ActionKind::Spawn:
        w.u64(a.type);
        w.i64(a.count);
        break;
    case ActionKind::ClearEnemies:
    case ActionKind::Restart: break;
    case ActionKind::SetTableValue:
    case ActionKind::SetMemory:
        w.u64(a.object);
        w.u64(a.path.size());
        for (const std::string& key : a.path)
            w.str(key);
        w.str(a.value);
        break;
    }
}

bool readAction(Reader& r, RecordedAction* a) {
    const uint8_t kind = r.byte("an action's kind");
    if (kind == 0 || kind > kLastActionKind)
        return r.fail("an action's kind");
    a->kind = ActionKind(kind);
    switch (a->kind) {
    case ActionKind::Script: return readScript(r, &a->script);
    case ActionKind::Spawn: {
        const uint64_t type = r.u64("a spawn's type");
        if (type > UINT16_MAX)
            return r.fail("a spawn's type");
        a->type = uint16_t(type);
        a->count = r.i32("a spawn's count");
        return r.ok();
    }
    case ActionKind::ClearEnemies:
    case ActionKind::Restart: return true;
    case ActionKind::SetTableValue:
    case ActionKind::SetMemory: {
        a->object = r.u64("an edit's object");
        const uint64_t keys = r.count("an edit's path", 1);
        for (uint64_t i = 0; i < keys && r.ok(); ++i)
            a->path.push_back(r.str("an edit's key"));
        a->value = r.str("an edit's value");
        return r.ok();
    }
    }
    return r.fail("an action");
}

bool fail(std::string* error, const std::string& message) {
    if (error)
        *error = message;
    return false;
}
} // namespace

std::string encodeRecording(const Recording& rec) {
    Writer w;
    const RecordingHeader& h = rec.header;
    w.u64(h.seed);
    w.i64(h.enemies);
    w.i64(h.vmMemoryMb);
    w.i64(h.thinkBudget);
    w.byte(h.autoRestart ? 1 : 0);
    w.str(h.scriptsRoot);
    w.u64(rec.scripts.size());
    for (const scripting::ScriptInput& s : rec.scripts)
        writeScript(w, s);
    w.u64(rec.commands.size());
    PlayerCommand previous;
    size_t action = 0, checkpoint = 0;
    for (uint64_t t = 1; t <= rec.ticks(); ++t) {
        const PlayerCommand& c = rec.commands[t - 1];
        size_t actions = 0;
        while (action + actions < rec.actions.size() && rec.actions[action + actions].tick == t)
            ++actions;
        const bool hasCheckpoint =
            checkpoint < rec.checkpoints.size() && rec.checkpoints[checkpoint].tick == t;
        const bool moveChanged = std::memcmp(&c.move, &previous.move, sizeof c.move) != 0;
        const bool aimChanged = std::memcmp(&c.aim, &previous.aim, sizeof c.aim) != 0;
        w.byte(uint8_t((moveChanged ? kMoveChanged : 0) | (aimChanged ? kAimChanged : 0) |
                       (c.fire ? kFire : 0) | (actions ? kHasActions : 0) |
                       (hasCheckpoint ? kHasCheckpoint : 0)));
        if (moveChanged)
            w.vec(c.move);
        if (aimChanged)
            w.vec(c.aim);
        if (actions) {
            w.u64(actions);
            for (size_t i = 0; i < actions; ++i)
                writeAction(w, rec.actions[action + i]);
            action += actions;
        }
        if (hasCheckpoint) {
            const PartHashes& p = rec.checkpoints[checkpoint++].hashes;
            w.fixed64(p.enemies);
            w.fixed64(p.bullets);
            w.fixed64(p.player);
            w.fixed64(p.scripted);
        }
        previous = c;
    }
    // Actions after the last tick (made before a step that never came): kept, at ticks+1.
    w.u64(rec.actions.size() - action);
    for (; action < rec.actions.size(); ++action)
        writeAction(w, rec.actions[action]);

    return wrapRecordingBody(w.out);
}

std::string wrapRecordingBody(std::string_view body) {
    uLongf packedSize = compressBound(uLong(body.size()));
    std::string packed(packedSize, '\0');
    compress2(reinterpret_cast<Bytef*>(packed.data()), &packedSize,
              reinterpret_cast<const Bytef*>(body.data()), uLong(body.size()), 6);
    packed.resize(packedSize);

    Writer file;
    file.out.append(kMagic, sizeof kMagic);
    for (int i = 0; i < 4; ++i)
        file.out.push_back(char(uint8_t(kRecordingFormatVersion >> (8 * i))));
    file.fixed64(body.size());
    file.fixed64(bodyHash(body));
    return file.out + packed;
}

bool decodeRecording(std::string_view bytes, Recording* out, std::string* error) {
    if (bytes.size() < kPreamble || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return fail(error, "not an arena recording (no ARENAREC header)");
    uint32_t version = 0;
    for (int i = 0; i < 4; ++i)
        version |= uint32_t(uint8_t(bytes[8 + i])) << (8 * i);
    if (version > kRecordingFormatVersion)
        return fail(error, "recording format version " + std::to_string(version) +
                               " is newer than this arena reads (" +
                               std::to_string(kRecordingFormatVersion) + "): use a newer arena");
    if (version == 0)
        return fail(error, "recording format version 0 does not exist: the file is corrupted");
    const uint64_t size = readFixed64(bytes.data() + 12);
    const uint64_t hash = readFixed64(bytes.data() + 20);
    if (size > kMaxBody)
        return fail(error, "the recording claims a body of " + std::to_string(size) +
                               " bytes (more than 1 GiB): the file is corrupted");
    const std::string_view packed = bytes.substr(kPreamble);
    if (size > uint64_t(packed.size()) * 1032 + 64) // deflate packs 1032:1 at the very most
        return fail(error, "the recording is truncated or corrupted (its body cannot unpack to "
                           "its stated size)");
    std::string body(size, '\0');
    uLongf got = uLongf(size);
    const int z = uncompress(reinterpret_cast<Bytef*>(body.data()), &got,
                             reinterpret_cast<const Bytef*>(packed.data()), uLong(packed.size()));
    if (z != Z_OK || got != size)
        return fail(error, z == Z_BUF_ERROR || z == Z_DATA_ERROR || got != size
                               ? "the recording is truncated or corrupted (its compressed body "
                                 "does not unpack to its stated size)"
                               : "the recording's body cannot be unpacked (zlib error " +
                                     std::to_string(z) + ")");
    if (bodyHash(body) != hash)
        return fail(error, "the recording is corrupted (its body does not match its checksum)");

    Recording rec;
    Reader r{body, 0, {}};
    RecordingHeader& h = rec.header;
    h.seed = r.u64("the seed");
    h.enemies = r.i32("--enemies");
    h.vmMemoryMb = r.i32("--vm-memory");
    h.thinkBudget = r.i32("--think-budget");
    h.autoRestart = r.byte("auto restart") != 0;
    h.scriptsRoot = r.str("the scripts folder");
    // The options must be ones the command line accepts (options.cpp checks the same ranges).
    if (r.ok() &&
        (h.enemies < 0 || h.enemies > kMaxEnemiesOption || h.vmMemoryMb < kMinVmMemoryMb ||
         h.vmMemoryMb > int32_t(scripting::kMaxVmMemoryBytes >> 20) || h.thinkBudget < 1 ||
         h.thinkBudget > kMaxThinkBudget))
        return fail(error, "the recording's options are out of range (--enemies " +
                               std::to_string(h.enemies) + ", --vm-memory " +
                               std::to_string(h.vmMemoryMb) + ", --think-budget " +
                               std::to_string(h.thinkBudget) + "): the file is corrupted");
    const uint64_t scripts = r.count("the script count", 3);
    for (uint64_t i = 0; i < scripts && r.ok(); ++i) {
        rec.scripts.emplace_back();
        readScript(r, &rec.scripts.back());
    }
    const uint64_t ticks = r.count("the tick count", 1);
    if (ticks > kMaxTicks)
        return fail(error, "the recording claims " + std::to_string(ticks) +
                               " ticks (more than 46 hours of play): the file is corrupted");
    PlayerCommand previous;
    for (uint64_t t = 1; t <= ticks && r.ok(); ++t) {
        const uint8_t flags = r.byte("a tick's flags");
        if (flags & ~uint8_t(31))
            return fail(error, "the recording is corrupted (tick " + std::to_string(t) +
                                   " has unknown flags)");
        PlayerCommand c = previous;
        if (flags & kMoveChanged)
            c.move = r.vec("a move");
        if (flags & kAimChanged)
            c.aim = r.vec("an aim");
        c.fire = (flags & kFire) != 0;
        if (flags & kHasActions) {
            const uint64_t n = r.count("an action count", 1);
            for (uint64_t i = 0; i < n && r.ok(); ++i) {
                RecordedAction a;
                a.tick = t;
                if (readAction(r, &a))
                    rec.actions.push_back(std::move(a));
            }
        }
        if (flags & kHasCheckpoint) {
            Checkpoint cp;
            cp.tick = t;
            if (r.in.size() - r.at < 32) {
                r.fail("a checkpoint");
                break;
            }
            cp.hashes.enemies = readFixed64(r.in.data() + r.at);
            cp.hashes.bullets = readFixed64(r.in.data() + r.at + 8);
            cp.hashes.player = readFixed64(r.in.data() + r.at + 16);
            cp.hashes.scripted = readFixed64(r.in.data() + r.at + 24);
            r.at += 32;
            rec.checkpoints.push_back(cp);
        }
        rec.commands.push_back(c);
        previous = c;
    }
    const uint64_t trailing = r.count("the trailing actions", 1);
    for (uint64_t i = 0; i < trailing && r.ok(); ++i) {
        RecordedAction a;
        a.tick = ticks + 1;
        if (readAction(r, &a))
            rec.actions.push_back(std::move(a));
    }
    if (!r.ok())
        return fail(error, "the recording is " + r.error);
    if (r.at != body.size())
        return fail(error, "the recording is corrupted (" + std::to_string(body.size() - r.at) +
                               " bytes after its end)");
    *out = std::move(rec);
    return true;
}

bool writeRecordingFile(const std::string& path, const Recording& recording, std::string* error) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    const std::string bytes = encodeRecording(recording);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    if (!out)
        return fail(error, path + ": cannot be written");
    return true;
}

bool readRecordingFile(const std::string& path, Recording* recording, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(error, path + ": cannot be read");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!decodeRecording(bytes.str(), recording, error)) {
        if (error)
            *error = path + ": " + *error;
        return false;
    }
    return true;
}

} // namespace game
