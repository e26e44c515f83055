#include "game/debug/layout_store.h"

#include "game/app/user_files.h"
#include "game/debug/overlay.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace game {

namespace {
constexpr int kLayoutVersion = 1;
constexpr const char* kDockNames[] = {"left", "right", "bottom"};

bool fraction(const nlohmann::json& j, const char* key, float* out) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number())
        return false;
    const double v = it->get<double>();
    if (!std::isfinite(v) || v < 0.0 || v > 1.0)
        return false;
    *out = float(v);
    return true;
}
} // namespace

std::string overlayLayoutPath() {
    return userFilePath("XDG_CONFIG_HOME", ".config", "overlay-layout.json");
}

std::string layoutToJson(const WorkbenchLayout& layout) {
    nlohmann::json j;
    j["version"] = kLayoutVersion;
    j["left"] = layout.leftFraction;
    j["right"] = layout.rightFraction;
    j["bottom"] = layout.bottomFraction;
    j["pause_when_open"] = layout.pauseWhenOpen;
    for (size_t i = 0; i < kPanelCount; ++i) {
        const PanelPlacement& p = layout.panels[i];
        j["panels"][panelTitle(Panel(i))] = {
            {"open", p.open}, {"dock", kDockNames[size_t(p.dock)]}, {"weight", p.weight}};
    }
    return j.dump(2) + "\n";
}

bool layoutFromJson(const std::string& text, WorkbenchLayout* layout, std::string* error) {
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
        *error = "not a JSON object";
        return false;
    }
    if (j.value("version", 0) != kLayoutVersion) {
        *error = "written by another version of the layout";
        return false;
    }
    WorkbenchLayout out = defaultWorkbenchLayout();
    if (!fraction(j, "left", &out.leftFraction) || !fraction(j, "right", &out.rightFraction) ||
        !fraction(j, "bottom", &out.bottomFraction)) {
        *error = "left, right and bottom must be numbers in 0..1";
        return false;
    }
    if (j.contains("pause_when_open") && j["pause_when_open"].is_boolean())
        out.pauseWhenOpen = j["pause_when_open"].get<bool>();
    const auto panels = j.find("panels");
    if (panels != j.end() && panels->is_object())
        for (size_t i = 0; i < kPanelCount; ++i) { // unknown or bad entries keep their defaults
            const auto p = panels->find(panelTitle(Panel(i)));
            if (p == panels->end() || !p->is_object())
                continue;
            PanelPlacement& place = out.panels[i];
            if (p->contains("open") && (*p)["open"].is_boolean())
                place.open = (*p)["open"].get<bool>();
            if (p->contains("dock") && (*p)["dock"].is_string())
                for (size_t d = 0; d < 3; ++d)
                    if ((*p)["dock"].get<std::string>() == kDockNames[d])
                        place.dock = Dock(d);
            if (p->contains("weight") && (*p)["weight"].is_number()) {
                const double w = (*p)["weight"].get<double>();
                if (std::isfinite(w) && w > 0.01 && w < 100)
                    place.weight = float(w);
            }
        }
    *layout = out;
    return true;
}

bool loadLayout(const std::string& path, WorkbenchLayout* layout, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = "cannot read " + path;
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (!layoutFromJson(text.str(), layout, error)) {
        *error = path + ": " + *error + " (using the default layout)";
        return false;
    }
    return true;
}

bool saveLayout(const std::string& path, const WorkbenchLayout& layout, std::string* error) {
    return writeUserFile(path, layoutToJson(layout), error);
}

OverlayLayoutFile::OverlayLayoutFile(Overlay& overlay)
    : m_overlay(overlay), m_path(overlayLayoutPath()) {
    std::error_code ec;
    if (m_path.empty() || !std::filesystem::exists(m_path, ec))
        return;
    WorkbenchLayout saved;
    std::string error;
    if (loadLayout(m_path, &saved, &error))
        m_overlay.setLayout(saved);
    else
        std::fprintf(stderr, "arena: overlay layout: %s\n", error.c_str());
}

OverlayLayoutFile::~OverlayLayoutFile() {
    if (m_dirty)
        save();
}

void OverlayLayoutFile::update(uint64_t frame) {
    if (m_overlay.takeLayoutChanged()) {
        m_dirty = true;
        m_changedAt = frame;
    }
    if (m_dirty && frame > m_changedAt + 60)
        save();
}

void OverlayLayoutFile::save() {
    m_dirty = false;
    std::string error;
    if (!m_path.empty() && !saveLayout(m_path, m_overlay.layout(), &error))
        std::fprintf(stderr, "arena: overlay layout not saved: %s\n", error.c_str());
}

} // namespace game
