#include "scripting/memory_layout.h"

#include "engine/world/objects.h"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace scripting {

namespace {
constexpr size_t kMaxNameLength = 32;

// Names the FFI's C parser would not take as a field name.
constexpr const char* kCKeywords[] = {"auto",          "bool",       "break",
                                      "case",          "char",       "const",
                                      "continue",      "default",    "do",
                                      "double",        "else",       "enum",
                                      "extern",        "float",      "for",
                                      "goto",          "if",         "inline",
                                      "int",           "long",       "register",
                                      "restrict",      "return",     "short",
                                      "signed",        "sizeof",     "static",
                                      "struct",        "switch",     "typedef",
                                      "union",         "unsigned",   "void",
                                      "volatile",      "while",      "_Bool",
                                      "int8_t",        "int16_t",    "int32_t",
                                      "int64_t",       "uint8_t",    "uint16_t",
                                      "uint32_t",      "uint64_t",   "size_t",
                                      "complex",       "__asm__",    "asm",
                                      "__attribute__", "__declspec", "__extension__",
                                      "__inline",      "_Complex"};

bool isIdentifier(const std::string& s) {
    if (s.empty() || s.size() > kMaxNameLength || !(std::isalpha(uint8_t(s[0])) || s[0] == '_'))
        return false;
    for (char c : s)
        if (!(std::isalnum(uint8_t(c)) || c == '_'))
            return false;
    return true;
}

const char* cTypeOf(MemoryType t) {
    switch (t) {
    case MemoryType::Float: return "float";
    case MemoryType::Double: return "double";
    case MemoryType::Int: return "int32_t";
    case MemoryType::Bool: return "bool";
    }
    return "float";
}
} // namespace

bool parseMemoryType(std::string_view text, MemoryType* type) {
    if (text == "float")
        *type = MemoryType::Float;
    else if (text == "double" || text == "number")
        *type = MemoryType::Double;
    else if (text == "int")
        *type = MemoryType::Int;
    else if (text == "bool")
        *type = MemoryType::Bool;
    else
        return false;
    return true;
}

const char* memoryTypeName(MemoryType type) {
    switch (type) {
    case MemoryType::Float: return "float";
    case MemoryType::Double: return "double";
    case MemoryType::Int: return "int";
    case MemoryType::Bool: return "bool";
    }
    return "float";
}

uint32_t memoryTypeSize(MemoryType type) {
    switch (type) {
    case MemoryType::Double: return 8;
    case MemoryType::Bool: return 1;
    default: return 4;
    }
}

const MemoryField* MemoryLayout::find(std::string_view name) const {
    for (const MemoryField& f : fields)
        if (f.name == name)
            return &f;
    return nullptr;
}

std::string MemoryLayout::cdecl() const {
    std::string text = "struct {";
    for (const MemoryField& f : fields)
        text += std::string(" ") + cTypeOf(f.type) + " " + f.name + ";";
    if (fields.empty())
        text += " uint8_t unused_;";
    return text + " }";
}

std::string MemoryLayout::names() const {
    std::string text;
    for (const MemoryField& f : fields)
        text += (text.empty() ? "" : ", ") + f.name;
    return text.empty() ? "none" : text;
}

bool buildMemoryLayout(const std::vector<std::pair<std::string, std::string>>& declared,
                       MemoryLayout* out, std::string* error) {
    MemoryLayout layout;
    for (const auto& [name, typeText] : declared) {
        MemoryField f;
        f.name = name;
        if (!isIdentifier(name)) {
            *error = "memory field names must be identifiers of at most 32 characters (got '" +
                     name.substr(0, 40) + "')";
            return false;
        }
        if (std::find(std::begin(kCKeywords), std::end(kCKeywords), name) != std::end(kCKeywords)) {
            *error = "memory field '" + name + "': a C keyword cannot be a field name";
            return false;
        }
        if (!parseMemoryType(typeText, &f.type)) {
            *error = "memory field '" + name + "' has type \"" + typeText.substr(0, 40) +
                     "\" (use \"float\", \"double\", \"int\" or \"bool\")";
            return false;
        }
        layout.fields.push_back(std::move(f));
    }
    std::sort(layout.fields.begin(), layout.fields.end(),
              [](const MemoryField& a, const MemoryField& b) { return a.name < b.name; });
    for (size_t i = 1; i < layout.fields.size(); ++i)
        if (layout.fields[i].name == layout.fields[i - 1].name) {
            *error = "memory field '" + layout.fields[i].name + "' is declared twice";
            return false;
        }
    uint32_t offset = 0, align = 1;
    for (MemoryField& f : layout.fields) {
        const uint32_t size = memoryTypeSize(f.type);
        offset = (offset + size - 1) / size * size; // natural alignment: size == alignment here
        f.offset = offset;
        offset += size;
        align = std::max(align, size);
    }
    layout.size = layout.fields.empty() ? 0 : (offset + align - 1) / align * align;
    if (layout.size > engine::kEnemyMemoryBytes) {
        *error = "memory is " + std::to_string(layout.size) + " bytes; at most " +
                 std::to_string(engine::kEnemyMemoryBytes) + " are allowed";
        return false;
    }
    *out = std::move(layout);
    return true;
}

double readMemoryField(const uint8_t* memory, const MemoryField& field) {
    const uint8_t* p = memory + field.offset;
    switch (field.type) {
    case MemoryType::Float: {
        float v;
        std::memcpy(&v, p, sizeof v);
        return double(v);
    }
    case MemoryType::Double: {
        double v;
        std::memcpy(&v, p, sizeof v);
        return v;
    }
    case MemoryType::Int: {
        int32_t v;
        std::memcpy(&v, p, sizeof v);
        return double(v);
    }
    case MemoryType::Bool: return *p != 0 ? 1.0 : 0.0;
    }
    return 0.0;
}

bool writeMemoryField(uint8_t* memory, const MemoryField& field, double value, std::string* error) {
    uint8_t* p = memory + field.offset;
    switch (field.type) {
    case MemoryType::Float: {
        if (std::isfinite(value) && std::fabs(value) > double(FLT_MAX)) {
            *error = "memory field '" + field.name + "' is a float: " + std::to_string(value) +
                     " does not fit";
            return false;
        }
        const float v = float(value);
        std::memcpy(p, &v, sizeof v);
        return true;
    }
    case MemoryType::Double: std::memcpy(p, &value, sizeof value); return true;
    case MemoryType::Int: {
        if (!(value > -2147483649.0 && value < 2147483648.0)) { // NaN fails too
            *error = "memory field '" + field.name + "' is an int: " + std::to_string(value) +
                     " does not fit";
            return false;
        }
        const int32_t v = int32_t(value);
        std::memcpy(p, &v, sizeof v);
        return true;
    }
    case MemoryType::Bool: *p = value != 0.0 ? 1 : 0; return true;
    }
    return false;
}

void writeMemoryBool(uint8_t* memory, const MemoryField& field, bool value) {
    memory[field.offset] = value ? 1 : 0;
}

void migrateMemory(const MemoryLayout& before, const MemoryLayout& after, const uint8_t* old,
                   uint8_t* fresh, std::vector<std::string>* kept,
                   std::vector<std::string>* reset) {
    std::memset(fresh, 0, after.size);
    for (const MemoryField& f : after.fields) {
        const MemoryField* o = before.find(f.name);
        const bool keep = o && o->type == f.type;
        if (keep)
            std::memcpy(fresh + f.offset, old + o->offset, memoryTypeSize(f.type));
        if (keep && kept)
            kept->push_back(f.name);
        if (!keep && reset)
            reset->push_back(f.name);
    }
}

} // namespace scripting
