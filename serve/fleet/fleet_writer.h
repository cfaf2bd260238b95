#pragma once

#include <filesystem>
#include <vector>

#include "serve/fleet/fleet_manifests.h"

namespace headroom::serve {

// Writes the manifests as the files of `directory` by writeStagedDirectory (a Secret's file readable by
// its owner alone): all or nothing, and an
// existing `directory` is replaced only when it is empty or holds a kustomization.yaml that deploy
// wrote (its first line) and only the files that lists. Else std::invalid_argument, and it is left as
// it was; I/O failures throw std::runtime_error, with nothing left behind.
void writeFleetDirectory(const std::filesystem::path& directory, const std::vector<Manifest>& manifests);

}  // namespace headroom::serve
