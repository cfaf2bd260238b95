#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "serve/fleet/observed_service.h"
#include "serve/fleet/staged_directory.h"

namespace headroom::serve {

// The files `headroom-cli observability` writes for one serve or route configuration: the Grafana
// dashboard (kDashboardFile) and the Prometheus rule file (kAlertRulesFile). Made whole in memory; the
// same configuration gives the same bytes.
struct ObservabilityBundle {
  using File = StagedFile;
  std::vector<File> files;
};

inline constexpr const char* kDashboardFile = "grafana-dashboard.json";
inline constexpr const char* kAlertRulesFile = "alert-rules.yaml";

// `source` is the configuration's file name, quoted in the files' headers.
ObservabilityBundle makeObservabilityBundle(const ObservedService& service, const std::string& source);

// Writes the bundle's files as the folder `folder` by writeStagedDirectory: all or nothing, and an
// existing `folder` is replaced only when it is empty or holds an alert-rules.yaml that observability
// wrote (its first line) and nothing but the bundle's files. Else std::invalid_argument, and it is left
// as it was; I/O failures throw std::runtime_error naming the path.
void writeObservabilityBundle(const ObservabilityBundle& bundle, const std::filesystem::path& folder);

}  // namespace headroom::serve
