#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/core/time.h"
#include "net/upstream.h"
#include "serve/router/member_table.h"
#include "serve/router/route_config.h"

namespace headroom::serve {

// Checks the router's members actively: every `interval` it sends GET /health to each member whose
// last check has ended (with the member's api_key, if it has one), and tells the MemberTable whether it
// answered within `timeout` with a status below 500 (a server without /health still answers 404). A
// headroom member answers 503 on /health once its instance failed; vLLM answers /health too.
//
// One thread of its own starts the checks; their answers come on the transport's threads. start() once;
// stop() (also run by the destructor) ends the thread and drops the answers still to come: call it
// before the transport goes away. Thread-safe.
class MemberProber {
 public:
  MemberProber(MemberTable& table, std::vector<RouteMember> members, net::UpstreamTransport& transport,
               engine::Duration interval, engine::Duration timeout);
  ~MemberProber();
  MemberProber(const MemberProber&) = delete;
  MemberProber& operator=(const MemberProber&) = delete;

  void start();
  void stop();

 private:
  struct Shared;
  class Check;

  void run();
  void checkMember(int member);

  const std::vector<RouteMember> members_;
  net::UpstreamTransport& transport_;
  const engine::Duration interval_;
  const engine::Duration timeout_;
  std::shared_ptr<Shared> shared_;  // what the answers reach; outlives this object while calls are out

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace headroom::serve
