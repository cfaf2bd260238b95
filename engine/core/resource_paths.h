#pragma once

#include <filesystem>
#include <string_view>

namespace headroom::engine {

// The folder holding models/, hardware/, scenarios/ and traces/. In order: the HEADROOM_RESOURCE_DIR
// environment variable; ../share/headroom beside the running executable (installed builds); the
// source tree's resources/ (build-tree runs). Thread-safe.
std::filesystem::path resourceDir();

// resourceDir() / kind / (name + ".json"), e.g. resourceFile("models", "llama-3.1-8b").
std::filesystem::path resourceFile(std::string_view kind, std::string_view name);

}  // namespace headroom::engine
