#include "serve/fleet/staged_directory.h"

#include <fstream>
#include <stdexcept>
#include <string_view>
#include <system_error>

#include <unistd.h>

namespace headroom::serve {

namespace {

namespace fs = std::filesystem;

bool markedBy(const fs::path& directory, const DirectoryOwner& owner) {
  std::ifstream in(directory / owner.markFile);
  std::string first;
  return in && std::getline(in, first) && first.rfind(owner.mark, 0) == 0;
}

// The first entry of `directory` that `owner` did not write there (its mark file first, when that
// cannot be read); empty when there is none.
std::string strayEntry(const fs::path& directory, const DirectoryOwner& owner) {
  const std::set<std::string> owned = owner.ownedEntries(directory);
  if (owned.count(owner.markFile) == 0) return owner.markFile;
  std::set<std::string> present;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory)) present.insert(entry.path().filename().string());
  for (const std::string& name : present) {
    if (owned.count(name) == 0) return name;
  }
  return {};
}

// Refuses an existing `directory` that may not be replaced (see writeStagedDirectory); whether one exists.
bool checkReplaceable(const fs::path& directory, const DirectoryOwner& owner) {
  std::error_code error;
  const fs::file_status status = fs::symlink_status(directory, error);
  if (!fs::exists(status)) return false;
  if (!fs::is_directory(status)) {
    throw std::invalid_argument(directory.string() + " exists and is not a folder: give another --out or remove it");
  }
  if (fs::is_empty(directory)) return true;
  if (!markedBy(directory, owner)) {
    throw std::invalid_argument(directory.string() + " exists and was not written by " + owner.command +
                                ": give another --out or remove it");
  }
  const std::string stray = strayEntry(directory, owner);
  if (!stray.empty()) {
    throw std::invalid_argument(directory.string() + " holds " + stray + ", which " + owner.command +
                                " did not write there: move it out (or give another --out) and run it again");
  }
  return true;
}

// A sibling of `directory` that does not exist yet: .NAME.TAG-PID-N.
fs::path freshSibling(const fs::path& directory, std::string_view tag) {
  const fs::path parent = directory.parent_path().empty() ? fs::path(".") : directory.parent_path();
  for (int attempt = 0;; ++attempt) {
    std::string name = ".";
    name.append(directory.filename().string()).append(".").append(tag).append("-");
    name.append(std::to_string(::getpid())).append("-").append(std::to_string(attempt));
    fs::path candidate = parent / name;
    std::error_code error;
    if (!fs::exists(fs::symlink_status(candidate, error))) return candidate;
  }
}

void writeFile(const fs::path& path, const std::string& content, bool ownerOnly) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (ownerOnly && out) fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) throw std::runtime_error(path.string() + ": cannot write");
}

// Puts `staging` in the place of the existing `directory`; on a failure `directory` is as it was.
void replaceDirectory(const fs::path& staging, const fs::path& directory) {
  const fs::path old = freshSibling(directory, "old");
  fs::rename(directory, old);
  std::error_code error;
  fs::rename(staging, directory, error);
  if (error) {
    fs::rename(old, directory);
    throw fs::filesystem_error("cannot move the new files into place", staging, directory, error);
  }
  fs::remove_all(old, error);  // the new files are in place; an old copy that will not go is only clutter
}

}  // namespace

void writeStagedDirectory(const fs::path& requested, const std::vector<StagedFile>& files, const DirectoryOwner& owner) {
  const fs::path directory = requested.filename().empty() ? requested.parent_path() : requested;  // "out/" -> "out"
  if (directory.empty()) throw std::invalid_argument("the output folder has no name");
  const bool exists = checkReplaceable(directory, owner);
  const fs::path parent = directory.parent_path().empty() ? fs::path(".") : directory.parent_path();
  if (!fs::is_directory(parent)) throw std::invalid_argument(parent.string() + ": no such directory (the parent of --out)");

  const fs::path staging = freshSibling(directory, "new");
  std::error_code error;
  if (!fs::create_directory(staging, error)) {
    throw std::runtime_error(staging.string() + ": cannot create folder" + (error ? ": " + error.message() : std::string()));
  }
  try {
    for (const StagedFile& file : files) writeFile(staging / file.name, file.content, file.ownerOnly);
    if (exists) {
      replaceDirectory(staging, directory);
    } else {
      fs::rename(staging, directory);
    }
  } catch (const fs::filesystem_error& failure) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    throw std::runtime_error(directory.string() + ": cannot write: " + failure.code().message());
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    throw;
  }
}

}  // namespace headroom::serve
