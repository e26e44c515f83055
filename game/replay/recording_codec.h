#pragma once
// The recording file (README "Record, replay and debug"): versioned, compact, checked.
//
//   "ARENAREC"  8 bytes
//   version     u32 little-endian (kRecordingFormatVersion)
//   body size   u64 little-endian, uncompressed
//   body hash   u64 little-endian, FNV-1a of the uncompressed body
//   body        zlib (deflate) stream
//
// The body is varints (LEB128; signed ones zigzag), strings as a varint length then bytes,
// floats as their 4 raw bytes (a replay must be bit-exact). It holds the header, the scripts at
// the start, then one entry per tick: a flags byte (move changed, aim changed, fire, actions
// follow, a checkpoint follows), the changed vectors, the actions made before the tick and the
// checkpoint after it. A tick whose command did not change costs one byte before compression.
//
// Reading never trusts the file: a bad magic, a newer version, a truncated or corrupted body,
// an out-of-range count or kind all give a clear error, never a crash (fuzzed: fuzz_recording).
#include "game/replay/recording.h"

#include <string>
#include <string_view>

namespace game {

inline constexpr uint32_t kRecordingFormatVersion = 1;

std::string encodeRecording(const Recording& recording);
bool decodeRecording(std::string_view bytes, Recording* recording, std::string* error);

/// The file around a body (magic, version, size, checksum, deflate): what encodeRecording does
/// after writing the body. Public for the fuzzer, which reaches the body parser through it.
std::string wrapRecordingBody(std::string_view body);

bool writeRecordingFile(const std::string& path, const Recording& recording, std::string* error);
bool readRecordingFile(const std::string& path, Recording* recording, std::string* error);

} // namespace game
