#include "serve/fleet/observability_bundle.h"

#include <fstream>
#include <random>
#include <stdexcept>
#include <system_error>

#include "serve/fleet/alert_rules.h"
#include "serve/fleet/grafana_dashboard.h"

namespace headroom::serve {

namespace {

namespace fs = std::filesystem;

fs::path freshSibling(const fs::path& folder) {
  std::random_device seed;
  std::mt19937_64 random(seed());
  const fs::path parent = folder.parent_path().empty() ? fs::path(".") : folder.parent_path();
  for (int attempt = 0; attempt < 16; ++attempt) {
    std::string name = ".";
    name.append(folder.filename().string()).append(".tmp-").append(std::to_string(random() % 1000000000));
    const fs::path candidate = parent / name;
    std::error_code error;
    if (fs::create_directory(candidate, error)) return candidate;
    if (error) throw std::runtime_error(candidate.string() + ": cannot create folder: " + error.message());
  }
  throw std::runtime_error(parent.string() + ": cannot create a temporary folder");
}

void writeFile(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) throw std::runtime_error(path.string() + ": cannot write");
}

}  // namespace

ObservabilityBundle makeObservabilityBundle(const ObservedService& service, const std::string& source) {
  ObservabilityBundle bundle;
  bundle.files.push_back({kDashboardFile, grafanaDashboardJson(buildGrafanaDashboard(service)).dump(2) + "\n"});
  bundle.files.push_back({kAlertRulesFile, alertRulesYaml(buildAlertRules(service), source)});
  return bundle;
}

void writeObservabilityBundle(const ObservabilityBundle& bundle, const fs::path& out) {
  const fs::path folder = out.filename().empty() ? out.parent_path() : out;  // "dir/" is "dir"
  if (folder.empty()) throw std::runtime_error("the output folder has no name");
  std::error_code error;
  const bool exists = fs::exists(folder, error);
  if (exists && !fs::is_directory(folder, error)) throw std::invalid_argument(folder.string() + ": exists and is not a folder");
  if (!folder.parent_path().empty()) {
    fs::create_directories(folder.parent_path(), error);
    if (error) throw std::runtime_error(folder.parent_path().string() + ": cannot create folder: " + error.message());
  }
  const fs::path staging = freshSibling(folder);
  try {
    for (const ObservabilityBundle::File& file : bundle.files) writeFile(staging / file.name, file.content);
    if (!exists) {
      fs::rename(staging, folder);
      return;
    }
    for (const ObservabilityBundle::File& file : bundle.files) fs::rename(staging / file.name, folder / file.name);
    fs::remove_all(staging);
  } catch (const fs::filesystem_error& failure) {
    fs::remove_all(staging, error);
    throw std::runtime_error(folder.string() + ": cannot write: " + failure.code().message());
  } catch (...) {
    fs::remove_all(staging, error);
    throw;
  }
}

}  // namespace headroom::serve
