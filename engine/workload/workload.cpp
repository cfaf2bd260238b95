#include "engine/workload/workload.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "engine/workload/trace_reader.h"

namespace headroom::engine {

std::uint64_t classStreamId(std::size_t classIndex, std::uint64_t purpose) {
  return (static_cast<std::uint64_t>(classIndex) << 8) | purpose;
}

Workload::Workload(const Scenario& scenario, WorkloadOptions options) {
  if (!(options.rateScale > 0.0) || !std::isfinite(options.rateScale)) {
    throw std::invalid_argument("workload rate scale must be a finite number > 0");
  }
  const std::uint64_t seed = options.seed.value_or(scenario.seed);
  end_ = timeFromSeconds(std::max(0.0, scenario.durationS));
  if (scenario.trace) {
    fromTrace_ = true;
    loadTrace(scenario, seed, options.rateScale);
    return;
  }
  const std::vector<std::string> tasks = taskNames(scenario);
  classes_.reserve(scenario.classes.size());
  for (std::size_t i = 0; i < scenario.classes.size(); ++i) {
    const ClassSpec& spec = scenario.classes[i];
    classes_.push_back(ClassStream{
        ArrivalProcess(spec.arrival, options.rateScale, Rng(seed, classStreamId(i, kArrivalStream))),
        LengthDistribution(spec.promptTokens), LengthDistribution(spec.outputTokens),
        Rng(seed, classStreamId(i, kPromptStream)), Rng(seed, classStreamId(i, kOutputStream)),
        TaskMix(spec.qos, tasks), Rng(seed, classStreamId(i, kTaskStream)), std::nullopt});
    advance(classes_.back());
  }
}

void Workload::advance(ClassStream& stream) {
  const std::optional<double> arrivalS = stream.arrivals.next();
  // The one-second margin keeps far-off times out of the microsecond conversion.
  if (!arrivalS || *arrivalS >= toSeconds(end_) + 1.0 || timeFromSeconds(*arrivalS) >= end_) {
    stream.pending.reset();
    return;
  }
  stream.pending = timeFromSeconds(*arrivalS);
}

std::optional<Request> Workload::next() {
  if (fromTrace_) {
    if (traceCursor_ >= traceRequests_.size()) return std::nullopt;
    return traceRequests_[traceCursor_++];
  }
  std::size_t chosen = classes_.size();
  for (std::size_t i = 0; i < classes_.size(); ++i) {
    const auto& pending = classes_[i].pending;
    if (pending && (chosen == classes_.size() || *pending < *classes_[chosen].pending)) chosen = i;
  }
  if (chosen == classes_.size()) return std::nullopt;
  ClassStream& stream = classes_[chosen];
  Request request;
  request.id = nextId_++;
  request.classId = static_cast<ClassId>(chosen);
  request.arrival = *stream.pending;
  request.promptTokens = stream.promptTokens.sample(stream.promptRng);
  request.outputTokens = stream.outputTokens.sample(stream.outputRng);
  request.task = stream.taskMix.draw(stream.taskRng);
  advance(stream);
  return request;
}

void Workload::loadTrace(const Scenario& scenario, std::uint64_t seed, double rateScale) {
  std::vector<std::string> classNames;
  classNames.reserve(scenario.classes.size());
  for (const ClassSpec& spec : scenario.classes) classNames.push_back(spec.qos.name);
  const Trace trace = readTrace(scenario.trace->path, scenario.trace->format, classNames);
  skippedTraceRows_ = trace.skippedRows;

  std::vector<double> cumulativeShares;
  double totalShare = 0.0;
  for (const std::string& name : classNames) {
    const auto found = scenario.trace->classMix.find(name);
    totalShare += found == scenario.trace->classMix.end() ? 0.0 : std::max(0.0, found->second);
    cumulativeShares.push_back(totalShare);
  }
  const bool needsMix = scenario.trace->format != TraceFormat::Headroom;
  if (needsMix && !(totalShare > 0.0)) {
    throw std::invalid_argument("a trace without a class column needs a class mix with a positive sum");
  }
  Rng mixRng(seed, kTraceMixStream);
  const std::vector<std::string> tasks = taskNames(scenario);
  std::vector<TaskMix> taskMixes;
  std::vector<Rng> taskRngs;
  for (std::size_t i = 0; i < scenario.classes.size(); ++i) {
    taskMixes.emplace_back(scenario.classes[i].qos, tasks);
    taskRngs.emplace_back(seed, classStreamId(i, kTaskStream));
  }

  const double endTraceS = scenario.durationS;
  traceRequests_.reserve(trace.rows.size());
  for (const TraceRow& row : trace.rows) {
    if (!(row.arrivalS < endTraceS)) break;  // rows are sorted by arrival
    Request request;
    if (row.classIndex >= 0) {
      request.classId = static_cast<ClassId>(row.classIndex);
    } else {
      const double draw = mixRng.uniform() * totalShare;
      auto pick =
          static_cast<std::size_t>(std::upper_bound(cumulativeShares.begin(), cumulativeShares.end(), draw) -
                                   cumulativeShares.begin());
      if (pick >= cumulativeShares.size()) {
        // Rounding at the very top: the last class with a positive share.
        pick = cumulativeShares.size() - 1;
        while (pick > 0 && cumulativeShares[pick] == cumulativeShares[pick - 1]) --pick;
      }
      request.classId = static_cast<ClassId>(pick);
    }
    request.task = taskMixes[request.classId].draw(taskRngs[request.classId]);
    request.arrival = timeFromSeconds(row.arrivalS / rateScale);
    request.promptTokens = row.promptTokens;
    request.outputTokens = row.outputTokens;
    traceRequests_.push_back(request);
  }
  std::stable_sort(traceRequests_.begin(), traceRequests_.end(), [](const Request& a, const Request& b) {
    return a.arrival != b.arrival ? a.arrival < b.arrival : a.classId < b.classId;
  });
  for (std::size_t i = 0; i < traceRequests_.size(); ++i) traceRequests_[i].id = i;
}

std::vector<Request> generateAll(const Scenario& scenario, WorkloadOptions options) {
  Workload workload(scenario, options);
  std::vector<Request> requests;
  while (auto request = workload.next()) requests.push_back(*request);
  return requests;
}

}  // namespace headroom::engine
