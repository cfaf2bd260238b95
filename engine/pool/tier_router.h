#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/core/request.h"
#include "engine/core/time.h"
#include "engine/pool/finish_prediction.h"
#include "engine/pool/model_quality.h"

namespace headroom::engine {

// What a tier router sees of one pool group when a request arrives. Counts are over the group's active
// instances; `predicted` and `slack` are for this request on the group's best instance (the one that
// would give it its first token soonest); `accuracy` is the group's model on this request's task.
struct GroupView {
  std::int32_t instances = 0;
  std::int32_t queuedRequests = 0;       // waiting + relegated, not started
  std::int64_t queuedPrefillTokens = 0;  // prompt tokens held and not yet computed
  std::int32_t runningRequests = 0;      // prefilling + decoding
  double kvFill = 0.0;                   // mean used share of KV blocks, 0..1
  double accuracy = 0.0;
  PredictedFinish predicted;
  double slack = 0.0;  // deadlineSlack(class SLO, predicted); >= 0: predicted to meet it
  bool feasible() const { return slack >= 0.0; }
};

// Arrival rates the pool has seen (all classes), requests per second, as exponential moving averages
// over two time scales (kShortRateWindow, kLongRateWindow).
struct ArrivalRates {
  double shortPerS = 0.0;
  double longPerS = 0.0;
};
inline constexpr double kShortRateWindowS = 5.0;
inline constexpr double kLongRateWindowS = 60.0;

// Everything one routing decision is made from.
struct TierContext {
  const Request* request = nullptr;
  const QosClass* qos = nullptr;
  TimePoint now{};
  std::span<const GroupView> groups;
  ArrivalRates rates;
};

// Picks the pool group (the model tier) for each arrival; the group's instance router then picks the
// instance. Not thread-safe: the pool's one thread drives it.
class TierRouter {
 public:
  virtual ~TierRouter() = default;
  // Returns an index into context.groups.
  virtual GroupId choose(const TierContext& context) = 0;
  // How a routed request ended: `reward` is tierReward(...) when it finished (0 when it missed its SLO).
  // Only learning routers use it.
  virtual void onOutcome(RequestId /*id*/, double /*reward*/, TimePoint /*now*/) {}
  // "static:llama-3.1-8b", "greedy", ... as an operator would write it.
  virtual std::string describe() const = 0;
};

//  static:GROUP  every request to one group (by group name, or model name when it names one group)
//  random        a group uniformly at random (seeded)
//  greedy        the most accurate group predicted to meet the request's SLO; the one with the most
//                slack when none is (SuperServe's slack policy, RouteBalance)
//  learned:FILE  a Double-DQN policy trained by `headroom-cli train-router` (engine/learn)
enum class TierRouterKind : std::uint8_t { Static, Random, Greedy, Learned };

struct TierRouterSpec {
  TierRouterKind kind = TierRouterKind::Greedy;
  std::string group;            // Static
  std::filesystem::path policy;  // Learned
};

inline constexpr std::string_view kTierRouterForms = "static:GROUP, random, greedy, learned:POLICY.json";

// Parses the forms above; nullopt when the text is none of them (the caller words the error with
// kTierRouterForms). A relative policy path is kept as written; the caller resolves it.
std::optional<TierRouterSpec> parseTierRouterSpec(std::string_view text);
std::string toString(const TierRouterSpec& spec);

// What a tier router is built for: the pool's groups (names and models) and the tasks of the classes.
struct TierPool {
  std::vector<std::string> groupNames;
  std::vector<std::string> groupModels;
  std::vector<std::string> taskNames;
  std::vector<std::string> classNames;
};

// Builds the router. Throws InputError for a static group the pool lacks (naming the groups) and for a
// policy file that cannot be read or does not match the pool (learned; see engine/learn).
std::unique_ptr<TierRouter> makeTierRouter(const TierRouterSpec& spec, const TierPool& pool, std::uint64_t seed);

// The greedy rule on its own, for the greedy router, the learned router's fallback and the upper bound.
GroupId greedyChoice(std::span<const GroupView> groups);

}  // namespace headroom::engine
