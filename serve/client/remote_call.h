#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/core/time.h"
#include "serve/client/remote_error.h"
#include "net/upstream.h"

namespace headroom::serve {

// A remote Headroom server or router and the key to send to it (as "Authorization: Bearer <key>").
struct RemoteTarget {
  net::UpstreamEndpoint endpoint;
  std::string apiKey;
};

// Parses the URL (http://host:port or https://host:port, see parseEndpointUrl); nullopt when it is not one.
std::optional<RemoteTarget> remoteTarget(std::string_view url, std::string apiKey);

// The outcome of one request: the status and body when an answer came, and the error unless it was 2xx.
struct RemoteReply {
  int status = 0;
  std::string body;
  RemoteError error;
};

// Sends one request; `done` hears the whole outcome once, on a transport thread (it must not block). The
// call's cancel() ends it early (then `done` hears a Broken error, unless it was already called).
std::shared_ptr<net::UpstreamCall> startRemoteCall(net::UpstreamTransport& transport, const RemoteTarget& target, std::string method,
                                                   std::string path, std::string body, engine::Duration timeout,
                                                   std::function<void(RemoteReply)> done);

// Sends one request and waits for the whole answer (at most `timeout` without a byte). Blocks the caller:
// not for a UI thread that must stay responsive for long. Thread-safe as the transport is.
RemoteReply callRemote(net::UpstreamTransport& transport, const RemoteTarget& target, std::string method, std::string path,
                       std::string body = {}, engine::Duration timeout = std::chrono::seconds(5));

}  // namespace headroom::serve
