#include "app/cli/train_router_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <system_error>

#include <spdlog/fmt/fmt.h>

#include "app/cli/output_file.h"
#include "engine/learn/tier_trainer.h"
#include "engine/workload/scenario.h"

namespace headroom::cli {

namespace {

void printProgress(const engine::TierTrainingProgress& progress) {
  constexpr int kWidth = 30;
  // The last episode slice may route a few requests past the total.
  const double done = progress.total > 0
                          ? std::min(1.0, static_cast<double>(progress.decisions) / static_cast<double>(progress.total))
                          : 1.0;
  const int filled = static_cast<int>(done * kWidth);
  std::cerr << fmt::format("\rtraining [{}{}] {:5.1f}%  {}/{} decisions  reward {:.3f}  epsilon {:.3f}",
                           std::string(static_cast<std::size_t>(filled), '#'),
                           std::string(static_cast<std::size_t>(kWidth - filled), '.'), done * 100.0,
                           progress.decisions, progress.total, progress.recentMeanReward, progress.epsilon)
            << std::flush;
}

// Fails before hours of training when the policy could not be written where asked.
void checkWritable(const std::string& path) {
  std::filesystem::path probe(path);
  probe += ".partial";
  {
    std::ofstream out(probe, std::ios::binary | std::ios::app);
    if (!out) throw std::invalid_argument("--out: cannot write " + path + " (no such folder, or not writable)");
  }
  std::error_code ignored;
  std::filesystem::remove(probe, ignored);
}

}  // namespace

CLI::App* addTrainRouterCommand(CLI::App& app, TrainRouterArgs& args) {
  CLI::App* command = app.add_subcommand(
      "train-router", "Train a learned tier router (Double DQN) for a scenario's pool groups in the simulator");
  command->add_option("scenario", args.scenarioPath, "Scenario file with two or more pool groups")->required();
  command->add_option("--out", args.outPath, "Policy file to write (JSON); replay --tier-router learned:FILE reads it")
      ->required();
  command->add_option("--decisions", args.decisions, "Routing decisions to train on")
      ->check(CLI::Range(std::int64_t{1000}, std::int64_t{1'000'000'000}));
  command->add_option("--seed", args.seed, "Seed of the network, the exploration and the training workloads");
  command->add_flag("--progress", args.progress, "Show a progress bar with the recent reward and epsilon on stderr");
  return command;
}

int runTrainRouter(const TrainRouterArgs& args) {
  const engine::Scenario scenario = engine::loadScenario(args.scenarioPath);
  if (args.outPath == "-") throw std::invalid_argument("--out: a policy goes to a file, not stdout");
  checkWritable(args.outPath);
  engine::TierTrainerSettings settings;
  settings.decisions = args.decisions;
  settings.seed = args.seed;
  settings.dqn = engine::TierTrainerSettings::defaultDqnSettings(args.decisions);
  const auto progress = args.progress ? printProgress : std::function<void(const engine::TierTrainingProgress&)>{};
  const engine::TierTrainingResult result = engine::trainTierRouter(scenario, settings, progress);
  if (args.progress) std::cerr << '\n';
  writeOutput(args.outPath, engine::tierPolicyJson(result.policy));
  std::cout << fmt::format(
      "{}: trained a tier router on {} decisions ({} episodes, {:.0f} s of traffic) in {:.1f} s ({:.0f} decisions/s); "
      "validation mean reward {:.4f}; policy written to {}\n",
      scenario.name, result.policy.training.decisions, result.episodes, result.policy.training.simulatedS, result.wallS,
      static_cast<double>(result.policy.training.decisions) / std::max(result.wallS, 1e-9), result.validationReward,
      args.outPath);
  return 0;
}

}  // namespace headroom::cli
