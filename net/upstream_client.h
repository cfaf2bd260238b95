#pragma once

#include <cstddef>
#include <memory>

#include "net/upstream.h"

namespace headroom::net {

// The router's HTTP/1.1 client on Boost.Beast: one I/O thread pool of its own, keep-alive connections
// reused per endpoint (a reused connection that turns out closed is retried once on a fresh one),
// TLS for https members (peer verification against the system store unless verifyPeer is off).
// Thread-safe. The destructor stops every call in flight and joins its threads: destroy the client
// after whatever may still start or cancel calls.
class UpstreamClient final : public UpstreamTransport {
 public:
  explicit UpstreamClient(int threads = 1, std::size_t maxIdlePerEndpoint = 256, bool verifyPeer = true);
  ~UpstreamClient() override;
  UpstreamClient(const UpstreamClient&) = delete;
  UpstreamClient& operator=(const UpstreamClient&) = delete;

  std::shared_ptr<UpstreamCall> start(UpstreamRequest request,
                                              std::shared_ptr<UpstreamHandler> handler) override;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace headroom::net
