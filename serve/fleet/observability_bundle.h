#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "serve/fleet/observed_service.h"

namespace headroom::serve {

// The files `headroom-cli observability` writes for one serve or route configuration: the Grafana
// dashboard (kDashboardFile) and the Prometheus rule file (kAlertRulesFile). Made whole in memory; the
// same configuration gives the same bytes.
struct ObservabilityBundle {
  struct File {
    std::string name;  // relative to the output folder
    std::string content;
  };
  std::vector<File> files;
};

inline constexpr const char* kDashboardFile = "grafana-dashboard.json";
inline constexpr const char* kAlertRulesFile = "alert-rules.yaml";

// `source` is the configuration's file name, quoted in the files' headers.
ObservabilityBundle makeObservabilityBundle(const ObservedService& service, const std::string& source);

// Writes the bundle's files into `folder` (created, with its parents, when missing). The files are
// first written whole into a new temporary folder beside it; then a missing `folder` is that folder
// renamed, an existing one receives each file by a rename. A failure leaves `folder` as it was and
// removes the temporary folder. Throws std::runtime_error naming the path.
void writeObservabilityBundle(const ObservabilityBundle& bundle, const std::filesystem::path& folder);

}  // namespace headroom::serve
