#include <iostream>

#include "app/cli/commands.h"
#include "engine/io/json_input.h"
#include "serve/fleet/fleet_manifests.h"
#include "serve/fleet/fleet_plan.h"
#include "serve/fleet/fleet_writer.h"

namespace headroom::cli {

CLI::App* addDeployCommand(CLI::App& app, DeployArgs& args) {
  CLI::App* deploy = app.add_subcommand(
      "deploy", "Write Kubernetes manifests for a plan: a Kustomize base (Deployments, Services, router, budgets)");
  deploy->add_option("plan", args.planPath, "Plan (JSON, as headroom-cli plan --json writes it)")->required();
  deploy->add_option("--out", args.outPath, "Directory to write (replaced when deploy wrote it and it holds nothing else)")->required();
  deploy->add_option("--target", args.target,
                     "kustomize (core kinds) or gateway-api (adds InferencePool, HTTPRoute, InferenceObjective); default kustomize")
      ->check(CLI::IsMember({"kustomize", "gateway-api"}));
  deploy->add_option("--image", args.image, "Container image with headroom-cli (default headroom:VERSION)");
  deploy->add_option("--mode-map", args.modeMap,
                     "Where a plan mode runs: MODE=MODEL@HARDWARE[xTP], e.g. gpu=llama-3.1-8b@h100-sxm (repeat per mode)")
      ->allow_extra_args(false)
      ->take_all();
  deploy->add_option("--gpu-budget", args.gpuBudget, "GPUs the fleet may request: a plan needing more is refused; adds a ResourceQuota")
      ->check(CLI::Range(1, 1000000));
  deploy->add_option("--serve-config", args.serveConfigPath,
                     "Serving configuration every mode starts from (tenants, keys, limits); default: made from the plan's classes");
  deploy->add_option("--gateway", args.gateway, "gateway-api: the Gateway the HTTPRoute attaches to (default inference-gateway)");
  return deploy;
}

int runDeploy(const DeployArgs& args) {
  const serve::FleetPlan plan = serve::loadFleetPlan(args.planPath);
  serve::FleetOptions options;
  options.target = *serve::fleetTargetFromString(args.target);
  options.image = args.image.empty() ? serve::defaultFleetImage() : args.image;
  for (const std::string& text : args.modeMap) {
    serve::ModeHardware mapped = serve::parseModeHardware(text);
    if (serve::findModeHardware(options.modes, mapped.mode) != nullptr) {
      throw std::invalid_argument("--mode-map gives mode \"" + mapped.mode + "\" twice");
    }
    options.modes.push_back(std::move(mapped));
  }
  if (args.gpuBudget > 0) options.gpuBudget = args.gpuBudget;
  if (!args.serveConfigPath.empty()) {
    options.serveConfig = engine::JsonInput::loadFile(args.serveConfigPath, "serving configuration");
    options.serveConfigFile = args.serveConfigPath;
  }
  options.gateway = args.gateway;
  options.planName = std::filesystem::path(args.planPath).filename().string();

  const std::vector<serve::Manifest> manifests = serve::buildFleet(plan, options);
  serve::writeFleetDirectory(args.outPath, manifests);
  std::cout << "wrote " << manifests.size() << " files to " << args.outPath << " (" << plan.instancesTotal() << " instance(s), "
            << serve::fleetGpus(plan, options.modes) << " GPU(s)); render with: kubectl kustomize " << args.outPath << '\n';
  return 0;
}

}  // namespace headroom::cli
