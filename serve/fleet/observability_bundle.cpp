#include "serve/fleet/observability_bundle.h"

#include <set>
#include <string>

#include "serve/fleet/alert_rules.h"
#include "serve/fleet/grafana_dashboard.h"

namespace headroom::serve {

ObservabilityBundle makeObservabilityBundle(const ObservedService& service, const std::string& source) {
  ObservabilityBundle bundle;
  bundle.files.push_back({kDashboardFile, grafanaDashboardJson(buildGrafanaDashboard(service)).dump(2) + "\n"});
  bundle.files.push_back({kAlertRulesFile, alertRulesYaml(buildAlertRules(service), source)});
  return bundle;
}

void writeObservabilityBundle(const ObservabilityBundle& bundle, const std::filesystem::path& folder) {
  const DirectoryOwner owner{"headroom-cli observability", kAlertRulesFile, "# " + std::string(kAlertRulesMark),
                             [](const std::filesystem::path&) { return std::set<std::string>{kDashboardFile, kAlertRulesFile}; }};
  writeStagedDirectory(folder, bundle.files, owner);
}

}  // namespace headroom::serve
