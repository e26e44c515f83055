// Fuzz target 5: the recording reader, and what a recording can ask of a replay. The first byte
// picks the way in: the file as given (the container: magic, version, sizes, checksum, deflate),
// or the rest wrapped as a valid container so the body parser sees it. Nothing may crash; what
// reads back must write back to the same bytes; a small readable recording is replayed a few
// ticks (hostile spawn counts, stale ids, edits with odd paths, random script sources).
#include "game/replay/recording_codec.h"
#include "game/replay/replay.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0)
        return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    const std::string bytes = data[0] & 1 ? game::wrapRecordingBody(rest) : std::string(rest);
    game::Recording recording;
    std::string error;
    if (!game::decodeRecording(bytes, &recording, &error)) {
        if (error.empty())
            std::abort(); // a refusal must say why
        return 0;
    }
    game::Recording again;
    if (!game::decodeRecording(game::encodeRecording(recording), &again, &error) ||
        game::encodeRecording(again) != game::encodeRecording(recording))
        std::abort();
    if (recording.ticks() > 0 && recording.ticks() <= 200 && recording.scripts.size() <= 16 &&
        recording.header.vmMemoryMb >= 8 && recording.header.vmMemoryMb <= 64 &&
        recording.header.thinkBudget >= 1 && recording.header.thinkBudget <= 1000 &&
        recording.header.enemies >= 0 && recording.header.enemies <= 200) {
        game::ReplayDef def;
        def.pool = 1;
        def.quiet = true;
        if (auto run = game::ReplayRun::start(recording, def, &error))
            run->runTo(std::min<uint64_t>(recording.ticks(), 30));
    }
    return 0;
}
