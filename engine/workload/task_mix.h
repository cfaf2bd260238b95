#pragma once

#include <string>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/core/request.h"
#include "engine/workload/random.h"

namespace headroom::engine {

// A class's task mix as a sampler of task ids: each request's task is drawn with probability share / sum
// of the class's shares (a class without a mix always gets kDefaultTask). Task ids index `taskNames`
// (taskNames(scenario), which lists every task of every class). The draw depends on the mix, not on the
// order its tasks are listed in. A value type; draw() uses the caller's
// Rng, and draws nothing when the class has one task, so its stream is only read when it matters.
class TaskMix {
 public:
  TaskMix(const QosClass& qos, const std::vector<std::string>& taskNames);

  TaskId draw(Rng& rng) const;

 private:
  std::vector<TaskId> tasks_;
  std::vector<double> cumulativeShares_;  // running sums of the shares, the last one the total
};

}  // namespace headroom::engine
