#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/request.h"
#include "engine/core/time.h"
#include "engine/exec/sampling_params.h"
#include "engine/sched/request_hints.h"
#include "serve/server/request_listener.h"
#include "serve/server/serve_config.h"

namespace headroom::serve {

// One request as a client asks for it. With `promptTokenIds` (a computing executor) promptTokens must
// equal their count, and the executor samples with `sampling`; without, the prompt is only a length.
// `stop` strings end the reply early (finish reason Stop), as does the end-of-sequence token.
struct ServeRequest {
  engine::ClassId classId = 0;
  std::int32_t promptTokens = 1;
  std::int32_t maxTokens = 1;  // tokens to generate
  std::vector<std::int32_t> promptTokenIds;
  engine::SamplingParams sampling;
  std::vector<std::string> stop;
  engine::RequestHints hints;
};

// Relegated: admitted beyond the class's queue limit and held back. Unavailable: the host has stopped
// or failed and takes nothing more. Draining: the host is shutting down and finishes what it holds
// (answered 503 with Retry-After).
enum class AdmissionOutcome : std::uint8_t { Admitted, Relegated, Rejected, TooLarge, Unavailable, Draining };

// The answer to submit(): Admitted and Relegated carry the request's id; Rejected and Draining a time
// after which a retry may succeed; TooLarge means the request could never fit in the KV cache.
struct Admission {
  AdmissionOutcome outcome = AdmissionOutcome::Admitted;
  engine::RequestId id = 0;
  engine::Duration retryAfter{};

  bool accepted() const { return outcome == AdmissionOutcome::Admitted || outcome == AdmissionOutcome::Relegated; }
};

// An accepted request on its way to the scheduler, with what it needs there and its listener.
struct AdmittedRequest {
  engine::Request request;
  std::shared_ptr<RequestListener> listener;
  std::vector<std::int32_t> promptTokenIds;
  engine::SamplingParams sampling;
  std::vector<std::string> stop;
  engine::RequestHints hints;
};

// A serving host's admission: per-class bounded queues and the relegate-on-overload hold-back. At most
// queueLimit requests of a class wait to be scheduled; beyond that a class set to reject is refused, one
// set to relegate holds up to relegatedLimit more back, handed to the scheduler only when nothing else
// waits there. Nothing is queued without bound. Also refuses requests larger than the whole KV cache.
//
// Thread-safe, one lock: admit(), cancel(), setClasses() and the getters come from any thread; the
// take*() functions and scheduled()/dropped() from the host's loop thread.
class AdmissionQueue {
 public:
  // `kvBlocks` of `blockTokens` tokens each (BlockManager::kUnbounded: no size check).
  AdmissionQueue(std::vector<ServedClass> classes, std::int32_t blockTokens, std::int64_t kvBlocks);

  // Admits (Admitted, Relegated) or refuses (Rejected, TooLarge, Unavailable after close()) a request
  // arriving at `arrival`. Rejected carries no retryAfter: the host fills it in. Throws
  // std::invalid_argument on an unknown class id or token counts below 1 or not matching the ids.
  Admission admit(const ServeRequest& request, std::shared_ptr<RequestListener> listener, engine::TimePoint arrival);
  // Asks for `id` to be cancelled; the loop takes it with takeCancels().
  void cancel(engine::RequestId id);
  // Replaces the classes (same count, same names) and hands their QoS classes to the loop
  // (takeNewClasses). Throws std::invalid_argument on a count or name mismatch.
  void setClasses(std::vector<ServedClass> classes);
  std::vector<ServedClass> classes() const;
  // From now on every admit() is Unavailable.
  void close();

  // Loop thread. Requests admitted since the last call, in order, to give to the scheduler now (those
  // relegated on overload wait in the hold-back instead).
  std::vector<AdmittedRequest> takeArrivals();
  std::vector<engine::RequestId> takeCancels();
  std::optional<std::vector<engine::QosClass>> takeNewClasses();
  // The oldest held-back request, now counted as queued; call only when the scheduler has nothing
  // waiting. Empty when nothing is held back.
  std::optional<AdmittedRequest> takeHeldBack();
  // Removes a held-back request (cancelled); empty when `id` is not held back.
  std::optional<AdmittedRequest> takeHeldBack(engine::RequestId id);
  // Everything not yet given to the scheduler (inbox and hold-back), e.g. when the host stops.
  std::vector<AdmittedRequest> takeAll();
  // A queued request of `classId` reached the scheduler's first iteration, or never reached the
  // scheduler (refused by it): it no longer counts against the queue limit.
  void leftQueue(engine::ClassId classId);

 private:
  std::size_t classCount_;
  std::int32_t blockTokens_;
  std::int64_t kvBlocks_;

  mutable std::mutex mutex_;
  std::vector<ServedClass> classes_;
  std::vector<std::int32_t> queued_;    // per class: admitted, not yet scheduled (held back excluded)
  std::vector<std::int32_t> heldBack_;  // per class: relegated on overload, not yet given to the scheduler
  std::vector<AdmittedRequest> inbox_;  // admitted, for the scheduler
  std::deque<AdmittedRequest> held_;    // relegated on overload, oldest first
  std::vector<engine::RequestId> cancels_;
  std::optional<std::vector<engine::QosClass>> newClasses_;
  engine::RequestId nextId_ = 1;
  bool closed_ = false;
};

}  // namespace headroom::serve
