// Model tiers: the learned tier router against static choices, random and greedy, on the stable and the
// unpredictable workload families, on test seeds never used in training. Trains a policy (or loads one),
// replays every row on the same arrival sequences (one per seed) and prints mean reward per request with
// 95% intervals (t over seeds), learned minus each row paired on the seed, an upper bound, the training
// time and the replay cost of learned against greedy. See docs/PERFORMANCE.md.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "bench/bench_measure.h"
#include "engine/io/json_input.h"
#include "engine/learn/tier_policy_file.h"
#include "engine/learn/tier_trainer.h"
#include "engine/pool/learned_tier_router.h"
#include "engine/sim/simulation.h"
#include "engine/workload/tier_workload_family.h"
#include "engine/workload/workload.h"

using namespace headroom::engine;

namespace {

// Two-sided 95% quantile of Student's t for 1..30 degrees of freedom (then the normal's).
double t95(std::size_t df) {
  static constexpr double kTable[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                      2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                      2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (df == 0) return 0.0;
  return df <= 30 ? kTable[df - 1] : 1.960;
}

struct Interval {
  double mean = 0.0;
  double half = 0.0;  // half-width of the 95% interval
};

Interval interval(const std::vector<double>& values) {
  Interval result;
  if (values.empty()) return result;
  for (const double v : values) result.mean += v;
  result.mean /= static_cast<double>(values.size());
  if (values.size() < 2) return result;
  double ss = 0.0;
  for (const double v : values) ss += (v - result.mean) * (v - result.mean);
  const double sd = std::sqrt(ss / static_cast<double>(values.size() - 1));
  result.half = t95(values.size() - 1) * sd / std::sqrt(static_cast<double>(values.size()));
  return result;
}

struct Row {
  std::string name;
  std::optional<TierRouterSpec> spec;  // empty: the learned policy
};

// Each request served by the most accurate group predicted to meet its SLO on an idle instance: no
// contention at all.
double upperBound(const Scenario& workload) {
  Simulation idle(workload, ReplayOptions{});
  const auto classes = qosClasses(workload);
  double reward = 0.0;
  std::int64_t count = 0;
  Workload requests(workload);
  while (const auto request = requests.next()) {
    const auto views = idle.pool().groupViews(*request, request->arrival);
    double best = 0.0;
    for (const auto& view : views) {
      if (view.feasible()) best = std::max(best, classes[request->classId].rewardWeight * view.accuracy);
    }
    reward += best;
    ++count;
  }
  return count > 0 ? reward / static_cast<double>(count) : 0.0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Model tiers: learned tier router vs static choices, random and greedy (mean reward per request)");
  std::string scenarioPath = std::string(HEADROOM_SOURCE_DIR) + "/resources/scenarios/model-tiers.json";
  std::string policyPath;
  std::string savePath;
  std::int64_t decisions = 1'200'000;
  std::uint64_t seed = 1;
  std::size_t testSeeds = 10;
  app.add_option("--scenario", scenarioPath, "Scenario with two or more pool groups");
  app.add_option("--policy", policyPath, "Evaluate this policy instead of training one");
  app.add_option("--save-policy", savePath, "Write the trained policy here");
  app.add_option("--decisions", decisions, "Training decisions");
  app.add_option("--seed", seed, "Training seed");
  app.add_option("--test-seeds", testSeeds, "Test seeds per workload family")->check(CLI::Range(2, 1000));
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::warn);

  try {
    const Scenario scenario = loadScenario(scenarioPath);
    const TierPool pool = tierPool(scenario);

    TierPolicy policy;
    double trainWallS = 0.0;
    double trainCpuS = 0.0;
    if (!policyPath.empty()) {
      policy = loadTierPolicy(policyPath);
      checkTierPolicyPool(policy, pool, policyPath);
    } else {
      TierTrainerSettings settings;
      settings.decisions = decisions;
      settings.seed = seed;
      settings.dqn = TierTrainerSettings::defaultDqnSettings(decisions);
      const double cpu0 = headroom::bench::processCpuSeconds();
      std::int64_t lastShown = 0;
      const TierTrainingResult trained = trainTierRouter(scenario, settings, [&](const TierTrainingProgress& p) {
        if (p.decisions - lastShown >= p.total / 20 || p.decisions >= p.total) {
          std::cerr << fmt::format("  trained {}/{} decisions, recent reward {:.3f}, epsilon {:.3f}\n", p.decisions,
                                   p.total, p.recentMeanReward, p.epsilon);
          lastShown = p.decisions;
        }
      });
      trainCpuS = headroom::bench::processCpuSeconds() - cpu0;
      trainWallS = trained.wallS;
      policy = trained.policy;
      if (!savePath.empty()) {
        std::ofstream(savePath, std::ios::binary) << tierPolicyJson(policy);
      }
    }

    std::vector<Row> rows;
    for (const auto& group : pool.groupNames) {
      rows.push_back({"static:" + group, TierRouterSpec{TierRouterKind::Static, group, {}}});
    }
    rows.push_back({"random", TierRouterSpec{TierRouterKind::Random, {}, {}}});
    rows.push_back({"greedy", TierRouterSpec{TierRouterKind::Greedy, {}, {}}});
    rows.push_back({"learned", std::nullopt});
    const std::size_t learnedRow = rows.size() - 1;
    const std::size_t greedyRow = rows.size() - 2;

    std::cout << fmt::format("# Model tiers on {} ({} groups: ", scenario.name, pool.groupNames.size());
    for (std::size_t g = 0; g < pool.groupNames.size(); ++g) {
      std::cout << (g > 0 ? ", " : "") << pool.groupNames[g] << " = " << pool.groupModels[g];
    }
    std::cout << ")\n";
    std::cout << fmt::format(
        "seeds: training [1e9, 2e9) drawn from --seed {}, validation 2e9+0..{}, test 3e9+0..{} (never seen in "
        "training)\n",
        policy.training.seed, TierTrainerSettings{}.validationSeedsPerFamily - 1, testSeeds - 1);
    if (policyPath.empty()) {
      std::cout << fmt::format("training: {} decisions in {:.1f} s wall, {:.1f} s CPU ({:.0f} decisions/s)\n",
                               policy.training.decisions, trainWallS, trainCpuS,
                               static_cast<double>(policy.training.decisions) / std::max(trainWallS, 1e-9));
    } else {
      std::cout << fmt::format("policy: {} ({} decisions, seed {})\n", policyPath, policy.training.decisions,
                               policy.training.seed);
    }

    double learnedCpuS = 0.0;
    double greedyCpuS = 0.0;
    for (const auto family : {TierWorkloadFamily::Stable, TierWorkloadFamily::Unpredictable}) {
      std::vector<std::vector<double>> rewards(rows.size());
      std::vector<double> bounds;
      for (std::size_t i = 0; i < testSeeds; ++i) {
        const Scenario workload = tierWorkload(scenario, family, tierSeed(TierSeedSet::Test, i));
        for (std::size_t r = 0; r < rows.size(); ++r) {
          const double cpu0 = headroom::bench::processCpuSeconds();
          std::unique_ptr<Simulation> simulation;
          if (rows[r].spec) {
            ReplayOptions options;
            options.tierRouter = rows[r].spec;
            simulation = std::make_unique<Simulation>(workload, options);
          } else {
            simulation = std::make_unique<Simulation>(workload, ReplayOptions{}, makeLearnedTierRouter(policy));
          }
          simulation->run();
          const double cpu = headroom::bench::processCpuSeconds() - cpu0;
          if (r == learnedRow) learnedCpuS += cpu;
          if (r == greedyRow) greedyCpuS += cpu;
          rewards[r].push_back(meanReward(*simulation->snapshot()));
        }
        bounds.push_back(upperBound(workload));
      }
      std::cout << fmt::format("\n## {} workload ({} test seeds)\n\n", toString(family), testSeeds);
      std::cout << "| router | mean reward (95% CI) | learned - router (paired 95% CI) |\n|---|---|---|\n";
      for (std::size_t r = 0; r < rows.size(); ++r) {
        const Interval own = interval(rewards[r]);
        std::string paired = "-";
        if (r != learnedRow) {
          std::vector<double> diff;
          for (std::size_t i = 0; i < testSeeds; ++i) diff.push_back(rewards[learnedRow][i] - rewards[r][i]);
          const Interval d = interval(diff);
          paired = fmt::format("{:+.4f} [{:+.4f}, {:+.4f}]{}", d.mean, d.mean - d.half, d.mean + d.half,
                               d.mean - d.half > 0 ? " above zero" : (d.mean + d.half < 0 ? " below zero" : " spans zero"));
        }
        std::cout << fmt::format("| {} | {:.4f} [{:.4f}, {:.4f}] | {} |\n", rows[r].name, own.mean, own.mean - own.half,
                                 own.mean + own.half, paired);
      }
      const Interval bound = interval(bounds);
      std::cout << fmt::format("| upper bound (most accurate group meeting the SLO on an idle instance) | {:.4f} [{:.4f}, {:.4f}] | {:+.4f} |\n",
                               bound.mean, bound.mean - bound.half, bound.mean + bound.half,
                               interval(rewards[learnedRow]).mean - bound.mean);
      // The verdicts the targets ask for, in words.
      std::size_t bestStatic = 0;
      for (std::size_t r = 1; r < pool.groupNames.size(); ++r) {
        if (interval(rewards[r]).mean > interval(rewards[bestStatic]).mean) bestStatic = r;
      }
      auto pairedWith = [&](std::size_t r) {
        std::vector<double> diff;
        for (std::size_t i = 0; i < testSeeds; ++i) diff.push_back(rewards[learnedRow][i] - rewards[r][i]);
        return interval(diff);
      };
      const Interval vsStatic = pairedWith(bestStatic);
      const Interval vsGreedy = pairedWith(greedyRow);
      std::cout << fmt::format("\nbest static group: {}; learned {} it by {:.4f} (paired 95% interval {}zero)\n",
                               rows[bestStatic].name, vsStatic.mean >= 0 ? "beats" : "loses to", std::abs(vsStatic.mean),
                               vsStatic.mean - vsStatic.half > 0 ? "above " : (vsStatic.mean + vsStatic.half < 0 ? "below " : "spans "));
      std::cout << fmt::format("learned {} greedy by {:.4f} ({:.1f}%)\n", vsGreedy.mean >= 0 ? "beats" : "LOSES TO",
                               std::abs(vsGreedy.mean), 100.0 * vsGreedy.mean / std::max(1e-12, interval(rewards[greedyRow]).mean));
    }
    std::cout << fmt::format("\nreplay CPU time: learned {:.2f} s, greedy {:.2f} s ({:.2f}x)\n", learnedCpuS, greedyCpuS,
                             greedyCpuS > 0 ? learnedCpuS / greedyCpuS : 0.0);
  } catch (const InputError& error) {
    std::cerr << "error: " << error.what() << '\n';
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
