#include "serve/server/admission_queue.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "engine/kv/block_manager.h"

namespace headroom::serve {

AdmissionQueue::AdmissionQueue(std::vector<ServedClass> classes, std::int32_t blockTokens, std::int64_t kvBlocks)
    : classCount_(classes.size()),
      blockTokens_(blockTokens),
      kvBlocks_(kvBlocks),
      classes_(std::move(classes)),
      queued_(classCount_, 0),
      heldBack_(classCount_, 0) {
  if (classes_.empty()) throw std::invalid_argument("a serving host needs at least one class");
}

Admission AdmissionQueue::admit(const ServeRequest& request, std::shared_ptr<RequestListener> listener,
                                engine::TimePoint arrival) {
  if (request.classId >= classCount_) throw std::invalid_argument("submit: unknown class id");
  if (request.promptTokens < 1 || request.maxTokens < 1) throw std::invalid_argument("submit: token counts must be >= 1");
  if (!request.promptTokenIds.empty() && static_cast<std::size_t>(request.promptTokens) != request.promptTokenIds.size()) {
    throw std::invalid_argument("submit: promptTokens must equal the number of prompt token ids");
  }
  if (kvBlocks_ < engine::BlockManager::kUnbounded) {
    const std::int64_t tokens = std::int64_t{request.promptTokens} + request.maxTokens;
    const std::int64_t blocks = (tokens + blockTokens_ - 1) / blockTokens_;
    const std::int64_t watermark = std::max<std::int64_t>(1, kvBlocks_ / 100);
    if (blocks + watermark > kvBlocks_) return {AdmissionOutcome::TooLarge, 0, {}};
  }
  const std::lock_guard lock(mutex_);
  if (closed_) return {AdmissionOutcome::Unavailable, 0, {}};
  const ServedClass& served = classes_[request.classId];
  Admission admission;
  if (queued_[request.classId] < served.queueLimit) {
    admission.outcome = AdmissionOutcome::Admitted;
    ++queued_[request.classId];
  } else if (served.overload == OverloadAction::Relegate && heldBack_[request.classId] < served.relegatedLimit) {
    admission.outcome = AdmissionOutcome::Relegated;
    ++heldBack_[request.classId];
  } else {
    admission.outcome = AdmissionOutcome::Rejected;
    return admission;
  }
  admission.id = nextId_++;
  engine::Request engineRequest;
  engineRequest.id = admission.id;
  engineRequest.classId = request.classId;
  engineRequest.arrival = arrival;
  engineRequest.promptTokens = request.promptTokens;
  engineRequest.outputTokens = request.maxTokens;
  AdmittedRequest admitted{engineRequest, std::move(listener), request.promptTokenIds, request.sampling, request.stop,
                           request.hints};
  if (admission.outcome == AdmissionOutcome::Relegated) {
    held_.push_back(std::move(admitted));
  } else {
    inbox_.push_back(std::move(admitted));
  }
  return admission;
}

void AdmissionQueue::cancel(engine::RequestId id) {
  const std::lock_guard lock(mutex_);
  cancels_.push_back(id);
}

void AdmissionQueue::setClasses(std::vector<ServedClass> classes) {
  const std::lock_guard lock(mutex_);
  if (classes.size() != classes_.size()) {
    throw std::invalid_argument("expected " + std::to_string(classes_.size()) + " classes, got " +
                                std::to_string(classes.size()));
  }
  for (std::size_t c = 0; c < classes.size(); ++c) {
    if (classes[c].qos.name != classes_[c].qos.name) {
      throw std::invalid_argument("class " + std::to_string(c) + " must keep its name \"" + classes_[c].qos.name + "\"");
    }
  }
  classes_ = std::move(classes);
  std::vector<engine::QosClass> qos;
  for (const ServedClass& served : classes_) qos.push_back(served.qos);
  newClasses_ = std::move(qos);
}

std::vector<ServedClass> AdmissionQueue::classes() const {
  const std::lock_guard lock(mutex_);
  return classes_;
}

void AdmissionQueue::close() {
  const std::lock_guard lock(mutex_);
  closed_ = true;
}

std::vector<AdmittedRequest> AdmissionQueue::takeArrivals() {
  std::vector<AdmittedRequest> arrivals;
  const std::lock_guard lock(mutex_);
  arrivals.swap(inbox_);
  return arrivals;
}

std::vector<engine::RequestId> AdmissionQueue::takeCancels() {
  std::vector<engine::RequestId> cancels;
  const std::lock_guard lock(mutex_);
  cancels.swap(cancels_);
  return cancels;
}

std::optional<std::vector<engine::QosClass>> AdmissionQueue::takeNewClasses() {
  const std::lock_guard lock(mutex_);
  return std::exchange(newClasses_, std::nullopt);
}

std::optional<AdmittedRequest> AdmissionQueue::takeHeldBack() {
  const std::lock_guard lock(mutex_);
  if (held_.empty()) return std::nullopt;
  AdmittedRequest admitted = std::move(held_.front());
  held_.pop_front();
  --heldBack_[admitted.request.classId];
  ++queued_[admitted.request.classId];
  return admitted;
}

std::optional<AdmittedRequest> AdmissionQueue::takeHeldBack(engine::RequestId id) {
  const std::lock_guard lock(mutex_);
  const auto found = std::find_if(held_.begin(), held_.end(), [id](const AdmittedRequest& held) { return held.request.id == id; });
  if (found == held_.end()) return std::nullopt;
  AdmittedRequest admitted = std::move(*found);
  held_.erase(found);
  --heldBack_[admitted.request.classId];
  return admitted;
}

std::vector<AdmittedRequest> AdmissionQueue::takeAll() {
  const std::lock_guard lock(mutex_);
  std::vector<AdmittedRequest> all;
  all.swap(inbox_);
  for (const AdmittedRequest& admitted : all) --queued_[admitted.request.classId];
  for (AdmittedRequest& held : held_) {
    --heldBack_[held.request.classId];
    all.push_back(std::move(held));
  }
  held_.clear();
  return all;
}

void AdmissionQueue::leftQueue(engine::ClassId classId) {
  const std::lock_guard lock(mutex_);
  --queued_[classId];
}

}  // namespace headroom::serve
