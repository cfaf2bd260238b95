#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <stdexcept>

#include "app/cli/commands.h"
#include "engine/io/json_input.h"
#include "serve/fleet/fleet_manifests.h"
#include "serve/fleet/fleet_plan.h"
#include "serve/fleet/fleet_writer.h"
#include "solver/planning_file.h"

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
  deploy->add_option("--replan", args.replan,
                     "The router re-plans at run time (one replica) and KEDA scales each mode to its plan: advisory "
                     "(the router keeps its shares) or auto (it also applies the new shares)")
      ->check(CLI::IsMember({"advisory", "auto"}));
  deploy->add_option("--replan-input", args.replanInput,
                     "--replan: the planning file the plan was made from (its classes, modes and latency curves)")
      ->check(CLI::ExistingFile);
  deploy->add_option("--replan-interval", args.replanIntervalS, "--replan: seconds between the router's solves (default 60)")
      ->check(CLI::Range(1.0, 86400.0));
  deploy->add_option("--prometheus", args.prometheusUrl,
                     "--replan: the Prometheus KEDA reads the router's gauges from (default " + std::string(serve::kDefaultPrometheusUrl) +
                         ")");
  return deploy;
}

namespace {

// What --replan needs, read from the planning file with the planner's own reader (the router reads it
// the same way); the checks against the plan and the router's classes are buildFleet's.
std::optional<serve::FleetReplan> replanOptions(const DeployArgs& args) {
  if (args.replan.empty()) {
    for (const auto& [given, flag] : {std::pair{!args.replanInput.empty(), "--replan-input"},
                                      std::pair{args.replanIntervalS != 0.0, "--replan-interval"},
                                      std::pair{!args.prometheusUrl.empty(), "--prometheus"}}) {
      if (given) throw std::invalid_argument(std::string(flag) + " needs --replan advisory|auto");
    }
    return std::nullopt;
  }
  if (args.replanInput.empty()) {
    throw std::invalid_argument("--replan needs --replan-input PLANNING.json: the planning file the plan was made from (classes, "
                                "modes, latency curves), which the router re-solves");
  }
  serve::FleetReplan replan;
  replan.mode = *serve::replanModeFromString(args.replan);
  replan.planningFile = args.replanInput;
  const solver::PlanningInput input = solver::loadPlanningFile(replan.planningFile);
  for (const solver::PlanningClass& cls : input.classes) replan.classNames.push_back(cls.name);
  for (const solver::InstanceMode& mode : input.modes) replan.modes.push_back({mode.name, mode.maxInstances});
  std::ifstream in(replan.planningFile, std::ios::binary);
  replan.planningText.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in) throw std::runtime_error(args.replanInput + ": cannot be read");
  if (args.replanIntervalS != 0.0) replan.intervalS = args.replanIntervalS;
  if (!args.prometheusUrl.empty()) replan.prometheusUrl = args.prometheusUrl;
  return replan;
}

}  // namespace

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
  options.replan = replanOptions(args);

  const std::vector<serve::Manifest> manifests = serve::buildFleet(plan, options);
  serve::writeFleetDirectory(args.outPath, manifests);
  std::cout << "wrote " << manifests.size() << " files to " << args.outPath << " (" << plan.instancesTotal() << " instance(s), "
            << serve::fleetGpus(plan, options.modes) << " GPU(s))";
  if (options.replan) {
    std::cout << "; the router re-plans (" << args.replan << ", one replica) and KEDA scales each mode to its plan";
  }
  std::cout << "; render with: kubectl kustomize " << args.outPath << '\n';
  return 0;
}

}  // namespace headroom::cli
