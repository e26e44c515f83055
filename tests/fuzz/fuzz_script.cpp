// Fuzz target 1: arbitrary bytes as an enemy script, through the full path: read, load and
// contract check in a pool VM, a trial think over a synthetic crowd, the hooks in the main VM.
#include "scripting/main_vm.h"
#include "scripting/synthetic_world.h"
#include "scripting/think_phase.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    scripting::ScriptFiles files;
    files.root = "/fuzz";
    std::string source(reinterpret_cast<const char*>(data), size);
    std::string error;
    if (!source.empty() && (source[0] == '\x1b' || source.find('\0') != std::string::npos))
        return 0; // the host refuses these before any VM sees them (readScriptFile)
    files.enemies.push_back({"fuzzed", "enemies/fuzzed.lua", "/fuzz/enemies/fuzzed.lua", source});
    files.libs.push_back(
        {"steer", "lib/steer.lua", "", "local M = {} function M.f(x) return x end return M"});
    scripting::LuaThinkDef def = scripting::defaultLuaThinkDef();
    def.poolSize = 1;
    def.limits.memoryBytes = size_t(16) << 20;
    def.limits.thinkUnits = 20000;
    def.limits.chunkUnits = 50000;
    auto phase = scripting::LuaThinkPhase::create(def, files, &error);
    if (!phase)
        return 0;
    phase->trial(0, 3); // refused scripts leave the phase empty: nothing to try
    scripting::MainVmDef mainDef = scripting::defaultMainVmDef();
    mainDef.limits.memoryBytes = size_t(16) << 20;
    mainDef.limits.hookUnits = 20000;
    auto vm = scripting::MainVm::create(mainDef, phase->loadedFiles(), phase->scripts(),
                                        phase->errors(), &error);
    if (!vm)
        return 0;
    scripting::SyntheticWorld w(8, 0, 100.0f);
    scripting::CommandBuffer out;
    vm->begin(w.world, 1, out);
    for (const engine::Enemy& e : w.world.enemies.dense()) {
        vm->onSpawn(e.id);
        vm->onHit(e.id, 1.0f);
        vm->onDeath(e.id, true);
    }
    vm->end();
    for (engine::Enemy& e : w.world.enemies.dense())
        vm->release(e, 2);
    vm->release(w.world.player, 2); // hooks saw the player as a source or killer
    if (vm->stats(w.world).registryObjectRefs != 0)
        __builtin_trap(); // an identity left behind
    return 0;
}
