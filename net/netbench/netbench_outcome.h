#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace headroom::net::netbench {

// What became of one request of a run.
struct RequestOutcome {
  std::size_t classIndex = 0;
  // From the request's start to the last echoed byte; none when the echo never completed (a stream
  // dropped at its deadline, reset, or still open when the run ended).
  std::optional<std::chrono::nanoseconds> latency;
  // A stream scheduler (either end's) dropped the stream at its deadline.
  bool dropped = false;
  // Bytes of the round trip (request up, echo down) never delivered because the stream was dropped.
  std::uint64_t bytesDropped = 0;
};

// One run: one variant, one seed. `failure` is empty unless the run could not go on (the connection
// closed, the handshake failed); the requests not completed by then count as missed.
struct RunOutcome {
  std::vector<RequestOutcome> requests;
  std::string failure;
};

}  // namespace headroom::net::netbench
