#pragma once

#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace headroom::serve {

// One file of a directory a command writes whole: its name in the directory, its bytes, and whether only
// its owner may read it (0600, set before the bytes are written: it holds secrets).
struct StagedFile {
  std::string name;
  std::string content;
  bool ownerOnly = false;
};

// How a command knows a directory it wrote before: `markFile`'s first line starts with `mark`, and
// `ownedEntries(directory)` names every entry that earlier output put there (for deploy: kustomization.yaml
// and the files it lists; empty when the mark file cannot be read). `command` is named in refusals.
struct DirectoryOwner {
  std::string command;
  std::string markFile;
  std::string mark;
  std::function<std::set<std::string>(const std::filesystem::path& directory)> ownedEntries;
};

// Writes `files` as the directory `directory`, all or nothing: into a new hidden sibling first
// (.NAME.new-PID-N), renamed to `directory` at the end. An existing `directory` is replaced only when it
// is empty, or when `owner` wrote it (its mark) and it holds nothing but what `owner` wrote there; else
// std::invalid_argument names the directory or the first entry `owner` did not write, and the directory
// is left as it was. So is a path that is not a directory, and a missing parent (nothing is created
// outside `directory`). An I/O failure throws std::runtime_error naming the path; in every failure the
// sibling is removed and an existing `directory` is as it was.
void writeStagedDirectory(const std::filesystem::path& directory, const std::vector<StagedFile>& files,
                          const DirectoryOwner& owner);

}  // namespace headroom::serve
