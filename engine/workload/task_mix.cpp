#include "engine/workload/task_mix.h"

#include <algorithm>
#include <stdexcept>

namespace headroom::engine {

namespace {

TaskId taskIndex(const std::vector<std::string>& taskNames, std::string_view task) {
  const auto found = std::find(taskNames.begin(), taskNames.end(), task);
  if (found == taskNames.end()) throw std::invalid_argument("task \"" + std::string(task) + "\" is not in the task list");
  return static_cast<TaskId>(found - taskNames.begin());
}

}  // namespace

TaskMix::TaskMix(const QosClass& qos, const std::vector<std::string>& taskNames) {
  if (qos.tasks.empty()) {
    tasks_.push_back(taskIndex(taskNames, kDefaultTask));
    cumulativeShares_.push_back(1.0);
    return;
  }
  // In name order, so the same mix draws the same tasks however its list is ordered (a file's object
  // is read in name order, a class built in code or in the console keeps its own).
  std::vector<TaskShare> byName = qos.tasks;
  std::sort(byName.begin(), byName.end(), [](const TaskShare& a, const TaskShare& b) { return a.task < b.task; });
  double total = 0.0;
  for (const TaskShare& share : byName) {
    if (!(share.share > 0.0)) continue;
    total += share.share;
    tasks_.push_back(taskIndex(taskNames, share.task));
    cumulativeShares_.push_back(total);
  }
  if (tasks_.empty()) throw std::invalid_argument("class \"" + qos.name + "\" has no task with a share > 0");
}

TaskId TaskMix::draw(Rng& rng) const {
  if (tasks_.size() == 1) return tasks_.front();
  const double point = rng.uniform() * cumulativeShares_.back();
  const auto pick = static_cast<std::size_t>(
      std::upper_bound(cumulativeShares_.begin(), cumulativeShares_.end(), point) - cumulativeShares_.begin());
  return tasks_[std::min(pick, tasks_.size() - 1)];
}

}  // namespace headroom::engine
