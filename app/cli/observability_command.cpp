// headroom-cli observability: the Grafana dashboard and Prometheus alert rules of a serve or route
// configuration.
#include <filesystem>
#include <iostream>

#include "app/cli/commands.h"
#include "serve/fleet/observability_bundle.h"
#include "serve/fleet/observed_service.h"

namespace headroom::cli {

int runObservability(const ObservabilityArgs& args) {
  std::optional<serve::ServiceKind> kind;
  if (!args.kind.empty()) kind = serve::serviceKindFromString(args.kind);  // CLI11 checked the name
  const std::filesystem::path config(args.configPath);
  const serve::ObservedService service = serve::loadObservedService(config, kind);
  const serve::ObservabilityBundle bundle = serve::makeObservabilityBundle(service, config.filename().string());
  serve::writeObservabilityBundle(bundle, args.outDir);
  for (const serve::ObservabilityBundle::File& file : bundle.files) {
    std::cout << (std::filesystem::path(args.outDir) / file.name).string() << '\n';
  }
  std::cout << service.classes.size() << " classes (" << serve::toString(service.kind) << "): a row and a fast and a slow "
            << "burn-rate alert each\n";
  return 0;
}

}  // namespace headroom::cli
