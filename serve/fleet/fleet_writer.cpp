#include "serve/fleet/fleet_writer.h"

#include <set>
#include <string>

#include <yaml-cpp/yaml.h>

#include "serve/fleet/staged_directory.h"

namespace headroom::serve {

namespace {

namespace fs = std::filesystem;

// kustomization.yaml and the files it lists; empty when it cannot be read.
std::set<std::string> kustomizationEntries(const fs::path& directory) {
  std::set<std::string> listed = {"kustomization.yaml"};
  try {
    const YAML::Node kustomization = YAML::LoadFile((directory / "kustomization.yaml").string());
    for (const YAML::Node& resource : kustomization["resources"]) listed.insert(resource.as<std::string>());
  } catch (const YAML::Exception&) {
    return {};
  }
  return listed;
}

}  // namespace

void writeFleetDirectory(const fs::path& directory, const std::vector<Manifest>& manifests) {
  std::vector<StagedFile> files;
  files.reserve(manifests.size());
  // A Secret's file holds its keys in plain text: its owner alone may read it.
  for (const Manifest& manifest : manifests) {
    const bool secret = manifest.object.contains("kind") && manifest.object["kind"] == "Secret";
    files.push_back({manifest.file, manifestText(manifest), secret});
  }
  const DirectoryOwner owner{"headroom-cli deploy", "kustomization.yaml", "# " + std::string(kDeployMark), kustomizationEntries};
  writeStagedDirectory(directory, files, owner);
}

}  // namespace headroom::serve
