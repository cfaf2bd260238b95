#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "serve/client/remote_admin.h"

namespace headroom::serve {

// Polls a router's members (GET /v1/headroom/members with an admin key) every `interval` and keeps the
// latest answer. Owns one thread; a poll that fails (unreachable, refused key, an answer it cannot read)
// keeps the last members read and records the error, and the next poll comes on time. Thread-safe:
// status() copies under a mutex and may be called at any rate from any thread. The transport must outlive
// the poller; destruction cancels the poll in flight and joins without waiting out its timeout.
class RouteMembersPoller {
 public:
  struct Options {
    engine::Duration interval = std::chrono::seconds(1);
    engine::Duration timeout = std::chrono::seconds(2);  // per poll, no byte for this long: it failed
  };

  struct Status {
    std::shared_ptr<const RouteMembersStatus> members;  // the last members read; null until one answer came
    RemoteError lastError;  // the last poll's error; none when the last poll answered
    std::int64_t polls = 0;    // polls ended so far
    std::int64_t answers = 0;  // polls that gave members
    std::optional<std::chrono::steady_clock::time_point> lastAnswerAt;
  };

  RouteMembersPoller(net::UpstreamTransport& transport, RemoteTarget target, Options options);
  RouteMembersPoller(net::UpstreamTransport& transport, RemoteTarget target)
      : RouteMembersPoller(transport, std::move(target), Options{}) {}
  ~RouteMembersPoller();
  RouteMembersPoller(const RouteMembersPoller&) = delete;
  RouteMembersPoller& operator=(const RouteMembersPoller&) = delete;

  Status status() const;

 private:
  void run();

  net::UpstreamTransport& transport_;
  const RemoteTarget target_;
  const Options options_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  Status status_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace headroom::serve
