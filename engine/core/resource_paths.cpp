#include "engine/core/resource_paths.h"

#include <cstdlib>
#include <string>
#include <system_error>

namespace headroom::engine {

namespace {

std::filesystem::path executableDir() {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path{} : self.parent_path();
}

}  // namespace

std::filesystem::path resourceDir() {
  if (const char* overridden = std::getenv("HEADROOM_RESOURCE_DIR"); overridden && *overridden) {
    return overridden;
  }
  std::error_code error;
  if (const auto exeDir = executableDir(); !exeDir.empty()) {
    const auto installed = exeDir.parent_path() / "share" / "headroom";
    if (std::filesystem::is_directory(installed / "models", error)) return installed;
  }
  return HEADROOM_SOURCE_RESOURCE_DIR;
}

std::filesystem::path resourceFile(std::string_view kind, std::string_view name) {
  return resourceDir() / std::string(kind) / (std::string(name) + ".json");
}

}  // namespace headroom::engine
