#include <iostream>

#include <CLI/CLI.hpp>

#include "app/cli/commands.h"
#include "app/cli/logging.h"
#include "app/cli/netbench_command.h"
#include "app/cli/network_commands.h"
#include "engine/io/json_input.h"
#ifdef HEADROOM_HAVE_CUDA
#include "engine/exec/cuda/cuda_executor_factory.h"
#endif

namespace {

// Exit codes: 0 success, 1 a failure while running, 2 bad input (flags or files), 3 no feasible plan.
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;

}  // namespace

int main(int argc, char** argv) {
#ifdef HEADROOM_HAVE_CUDA
  headroom::engine::registerCudaExecutor();
#endif
  using namespace headroom::cli;
  CLI::App app{"headroom-cli: replay load scenarios against a modeled GPU pool, find its capacity and plan instances"};
  app.require_subcommand(1);
  std::string logLevel;
  app.add_option("--log-level", logLevel, std::string("Log level: ") + kLogLevels + " (default: $HEADROOM_LOG_LEVEL or warn)");

  ReplayArgs replayArgs;
  CLI::App* replay = app.add_subcommand("replay", "Replay a scenario on the virtual clock and print per-class metrics");
  replay->add_option("scenario", replayArgs.scenarioPath, "Scenario JSON file")->required();
  replayArgs.overrides.addTo(*replay);
  replay->add_option("--rate-scale", replayArgs.rateScale, "Multiply every arrival rate by this factor")
      ->check(CLI::PositiveNumber);
  replay->add_option("--json", replayArgs.jsonPath, "Also write the metrics as JSON to PATH ('-' = stdout only)");
  replay->add_flag("--progress", replayArgs.progress, "Show progress on stderr");
  replay->add_flag("--no-drain", replayArgs.noDrain, "Stop at the scenario's end instead of finishing requests in flight");
  replay->add_option("--executor", replayArgs.executor,
                     "Replay in real time on the wall clock against this executor: cpu, cuda or modeled")
      ->check(CLI::IsMember({"cpu", "cuda", "modeled"}));
  replay->add_option("--model", replayArgs.model, "Model shape (resources/models/NAME.json) replacing the scenario's");
  replay->add_option("--weights", replayArgs.weights,
                     "cpu/cuda weights: random (default) or a safetensors file or folder");
  replay->add_option("--profile", replayArgs.profile, "Measured profile (resources/profiles/NAME.json) to time with");
  replay->add_option("--tier-router", replayArgs.tierRouter,
                     "Tier router of a pool of model groups: static:GROUP, random, greedy or learned:POLICY.json");

  ProfileArgs profileArgs;
  CLI::App* profile = app.add_subcommand(
      "profile", "Measure iteration times of an executor over batch compositions and fit the time predictor");
  profile->add_option("--executor", profileArgs.executor, "Executor to measure: cpu or cuda (default cpu)")
      ->check(CLI::IsMember({"cpu", "cuda"}));
  profile->add_option("--model", profileArgs.model, "Model shape (resources/models/NAME.json)")->required();
  profile->add_option("--weights", profileArgs.weights, "random (default) or a safetensors file or folder");
  profile->add_option("--out", profileArgs.outPath, "Write the profile JSON to PATH ('-' = stdout)");
  profile->add_option("--timing", profileArgs.timing,
                      "wall: the executor's wall-clock duration (default); thread-cpu: CPU time of the executing "
                      "thread (cpu only; steadier on a shared machine)")
      ->check(CLI::IsMember({"wall", "thread-cpu"}));
  profile->add_option("--repeats", profileArgs.repeats, "Timed runs per composition; the median counts (default 5)")
      ->check(CLI::Range(1, 1000));
  profile->add_option("--warmup", profileArgs.warmup, "Untimed runs before the first composition (default 2)")
      ->check(CLI::Range(0, 1000));
  profile->add_option("--max-context", profileArgs.maxContext, "Largest cached context swept (default 1024)")
      ->check(CLI::Range(1, 1 << 20));
  profile->add_option("--max-prefill", profileArgs.maxPrefill, "Largest prefill chunk swept (default 512)")
      ->check(CLI::Range(1, 1 << 20));
  profile->add_option("--max-decodes", profileArgs.maxDecodes, "Largest decode count swept (default 32)")
      ->check(CLI::Range(1, 1 << 16));
  profile->add_option("--held-out", profileArgs.heldOutShare, "Share of compositions kept out of the fit (default 0.25)")
      ->check(CLI::Range(0.05, 0.9));
  profile->add_option("--seed", profileArgs.seed, "Seed of the held-out choice and of random weights");
  profile->add_flag("--progress", profileArgs.progress, "Show each measured composition on stderr");

  CapacityArgs capacityArgs;
  CLI::App* capacity = app.add_subcommand(
      "capacity", "Find the highest rate scale at which every class keeps its attainment target");
  capacity->add_option("scenario", capacityArgs.scenarioPath, "Scenario JSON file")->required();
  capacityArgs.overrides.addTo(*capacity);
  capacity->add_option("--target", capacityArgs.targetAttainment, "Attainment every class must keep (default 0.99)")
      ->check(CLI::Range(0.0, 1.0));
  capacity->add_option("--tolerance", capacityArgs.tolerance, "Relative precision of the search (default 0.02)")
      ->check(CLI::Range(0.001, 0.5));
  capacity->add_option("--json", capacityArgs.jsonPath, "Also write the result as JSON to PATH ('-' = stdout only)");
  capacity->add_flag("--progress", capacityArgs.progress, "Show each probe on stderr");

  PlanArgs planArgs;
  CLI::App* plan = app.add_subcommand(
      "plan", "Recommend instances per mode and per-class rate shares (CBC), beside the FCFS and siloed baselines");
  plan->add_option("input", planArgs.inputPath, "Planning file or scenario (JSON)")->required();
  plan->add_option("--objective", planArgs.objective, "What to minimise: instances or cost (default instances)")
      ->check(CLI::IsMember({"instances", "cost"}));
  plan->add_option("--time-limit", planArgs.timeLimitS, "Seconds CBC may spend on each model (default 10)")
      ->check(CLI::Range(0.01, 86400.0));
  plan->add_option("--gap", planArgs.relativeGap, "Relative optimality gap at which to stop (default 0)")
      ->check(CLI::Range(0.0, 1.0));
  plan->add_option("--json", planArgs.jsonPath, "Also write the plan as JSON to PATH ('-' = stdout only)");
  plan->add_flag("--verify", planArgs.verify, "Replay the plan (scenario input) and compare each class with its bound");
  plan->add_flag("--progress", planArgs.progress, "Show curve measurement and verification on stderr");
  plan->add_flag("--no-cache", planArgs.noCache, "Measure latency curves again instead of reading the cache");

#ifdef HEADROOM_CLI_REPORT
  ReportArgs reportArgs;
  CLI::App* report = app.add_subcommand(
      "report", "Write a stored run's report: PDF, HTML or CSV (windows, plus FILE.totals.csv) by the suffix of --out");
  report->add_option("workspace", reportArgs.workspacePath, "Workspace file")->required();
  report->add_option("--run", reportArgs.runId, "Id of the run to report")->required()->check(CLI::PositiveNumber);
  report->add_option("--compare", reportArgs.compareWith, "Id of an earlier run to compare it with")
      ->check(CLI::PositiveNumber);
  report->add_option("--out", reportArgs.outPath, "Report file: .pdf, .html (.htm) or .csv")->required();
#endif
  ServeArgs serveArgs;
  CLI::App* serve = addServeCommand(app, serveArgs);
  RouteArgs routeArgs;
  CLI::App* route = addRouteCommand(app, routeArgs);
  NetbenchArgs netbenchArgs;
  CLI::App* netbench = addNetbenchCommand(app, netbenchArgs);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : kExitBadInput;
  }

  try {
    configureLogging(logLevel);
    if (*replay) return runReplay(replayArgs);
    if (*capacity) return runCapacity(capacityArgs);
    if (*profile) return runProfile(profileArgs);
    if (*plan) return runPlan(planArgs);
#ifdef HEADROOM_CLI_REPORT
    if (*report) return runReport(reportArgs);
#endif
    if (*serve) return runServe(serveArgs);
    if (*route) return runRoute(routeArgs);
    if (*netbench) return runNetbench(netbenchArgs);
  } catch (const headroom::engine::InputError& error) {
    std::cerr << "error: " << error.what() << '\n';
    return kExitBadInput;
  } catch (const CLI::ValidationError& error) {
    std::cerr << "error: " << error.what() << '\n';
    return kExitBadInput;
  } catch (const std::invalid_argument& error) {
    std::cerr << "error: " << error.what() << '\n';
    return kExitBadInput;
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what() << '\n';
    return kExitFailure;
  }
  return kExitFailure;
}
