#include "scripting/chunk_runner.h"

#include "vm/sandboxed_vm.h"

#include <cstdio>

namespace scripting {

namespace {
std::unique_ptr<SandboxedVm> makeVm(const SandboxLimits& limits,
                                    const std::vector<ScriptFile>& libs, std::string* error) {
    SandboxedVmDef def;
    def.kind = VmKind::Exec;
    def.limits = limits;
    auto vm = SandboxedVm::create(def, error);
    if (vm)
        vm->setModules(libs);
    return vm;
}
} // namespace

std::unique_ptr<ChunkRunner> ChunkRunner::create(const SandboxLimits& limits,
                                                 const std::vector<ScriptFile>& libs,
                                                 std::string* error) {
    std::unique_ptr<ChunkRunner> runner(new ChunkRunner());
    runner->m_limits = limits;
    runner->m_libs = libs;
    runner->m_vm = makeVm(limits, libs, error);
    return runner->m_vm ? std::move(runner) : nullptr;
}

ChunkRunner::~ChunkRunner() = default;

ChunkResult ChunkRunner::run(const ScriptFile& file) {
    ChunkResult r;
    r.ok = m_vm->runChunk(file, &r.value, &r.text, &r.type, &r.note);
    // What the chunk left behind in file-level state stays: if the VM cannot get back under three
    // quarters of its cap, it is retired and a fresh one takes over.
    const size_t used = m_vm->collectGarbage();
    if (used > m_vm->memoryCap() / 4 * 3) {
        char text[160];
        std::snprintf(text, sizeof text,
                      "%.1f MiB still held after a full collection; cap %.0f MiB",
                      double(used) / 1048576.0, double(m_vm->memoryCap()) / 1048576.0);
        r.replaced = text;
        std::string error;
        if (auto fresh = makeVm(m_limits, m_libs, &error))
            m_vm = std::move(fresh);
    }
    return r;
}

size_t ChunkRunner::collectGarbage() {
    return m_vm->collectGarbage();
}

} // namespace scripting
