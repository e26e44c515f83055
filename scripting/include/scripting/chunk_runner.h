#pragma once
// ChunkRunner: runs chunks' top levels one after another in one sandboxed VM, under exactly the
// environment and limits enemy scripts get (scriptcheck --exec, the sandbox's tests). A VM left
// holding memory it cannot free (over 3/4 of its cap after a full collection) is replaced, as the
// pool replaces its VMs.
#include "scripting/sandbox_limits.h"
#include "scripting/script_files.h"

#include <memory>
#include <string>
#include <vector>

namespace scripting {

class SandboxedVm;

struct ChunkResult {
    bool ok = false;
    std::string
        value; // a description of the first result ("\"intact\"", "42", "table"), or the error
    std::string text; // the first result itself when it is a string
    std::string type; // the first result's Lua type
    std::string
        note; // why the chunk ran uninstrumented (see src/sandbox/lua/compile.lua), if it did
    std::string replaced; // why the VM was replaced after this chunk, or empty
};

class ChunkRunner {
public:
    static std::unique_ptr<ChunkRunner>
    create(const SandboxLimits& limits, const std::vector<ScriptFile>& libs, std::string* error);
    ~ChunkRunner();
    ChunkResult run(const ScriptFile& file);
    /// Lua memory in use after a full collection.
    size_t collectGarbage();

private:
    ChunkRunner() = default;
    SandboxLimits m_limits;
    std::vector<ScriptFile> m_libs;
    std::unique_ptr<SandboxedVm> m_vm;
};

} // namespace scripting
