#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/cli/scenario_overrides.h"

namespace headroom::cli {

// Flags of `headroom-cli replay`.
struct ReplayArgs {
  std::string scenarioPath;
  ScenarioOverrides overrides;
  double rateScale = 1.0;
  std::string jsonPath;
  bool progress = false;
  bool noDrain = false;
  // Set: replay on the wall clock against this executor instead of simulating.
  std::string executor;  // cpu, cuda, modeled
  std::string model;     // replaces the scenario's model
  std::string weights;   // cpu/cuda: "random" or a safetensors checkpoint
  std::string profile;   // a measured profile (resources/profiles/NAME.json)
  std::string tierRouter;  // replaces the scenario's tier router (pools of several groups)
};

// Flags of `headroom-cli profile`.
struct ProfileArgs {
  std::string executor = "cpu";
  std::string model;
  std::string weights = "random";
  std::string outPath;
  std::string timing = "wall";  // wall or thread-cpu
  int repeats = 5;
  int warmup = 2;
  int maxContext = 1024;
  int maxPrefill = 512;
  int maxDecodes = 32;
  double heldOutShare = 0.25;
  std::uint64_t seed = 1;
  bool progress = false;
};

// Flags of `headroom-cli capacity`.
struct CapacityArgs {
  std::string scenarioPath;
  ScenarioOverrides overrides;
  double targetAttainment = 0.99;
  double tolerance = 0.02;
  std::string jsonPath;
  bool progress = false;
};

// Flags of `headroom-cli plan`.
struct PlanArgs {
  std::string inputPath;
  std::string objective = "instances";
  double timeLimitS = 10.0;
  double relativeGap = 0.0;
  std::string jsonPath;
  bool verify = false;
  bool progress = false;
  bool noCache = false;
};

// Flags of `headroom-cli deploy`.
struct DeployArgs {
  std::string planPath;
  std::string outPath;
  std::string target = "kustomize";
  std::string image;  // empty: headroom:VERSION
  std::vector<std::string> modeMap;  // MODE=MODEL@HARDWARE[xTP]
  int gpuBudget = 0;                 // 0: none
  std::string serveConfigPath;
  std::string gateway = "inference-gateway";
  std::string replan;          // advisory | auto; empty: the router does not re-plan
  std::string replanInput;     // the planning file the plan was made from
  double replanIntervalS = 0.0;  // 0: not given (60)
  std::string prometheusUrl;   // empty: serve::kDefaultPrometheusUrl
};

// Flags of `headroom-cli report`.
struct ReportArgs {
  std::string workspacePath;
  std::int64_t runId = 0;
  std::int64_t compareWith = 0;  // 0: no comparison
  std::string outPath;
};

// Flags of `headroom-cli observability`.
struct ObservabilityArgs {
  std::string configPath;
  std::string outDir;
  std::string kind;  // serve, route; empty: from the configuration
};

// Each returns the process exit code; bad input throws (see main.cpp for the mapping).
int runReplay(const ReplayArgs& args);
int runCapacity(const CapacityArgs& args);
int runProfile(const ProfileArgs& args);
// 0: a plan; 3: infeasible (with its explanation); 1: no plan within the time limit.
int runPlan(const PlanArgs& args);
// Writes Kubernetes manifests for a plan (a Kustomize base; gateway-api adds the inference objects).
// 0: written; bad input (an unmapped mode, a plan over the GPU budget) throws, and nothing is written.
int runDeploy(const DeployArgs& args);
CLI::App* addDeployCommand(CLI::App& app, DeployArgs& args);
// Writes a stored run's report (PDF, HTML or CSV by the suffix of --out); built with the UI layer only.
int runReport(const ReportArgs& args);
// Writes the Grafana dashboard and Prometheus alert rules of a serve or route configuration into --out.
int runObservability(const ObservabilityArgs& args);

}  // namespace headroom::cli
