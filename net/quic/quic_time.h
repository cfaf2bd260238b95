#pragma once

#include <chrono>
#include <cstdint>

namespace headroom::net::quic {

// A point in time as QUIC sees it: nanoseconds since an arbitrary epoch. Over a real socket that is the
// steady clock; over a virtual link it is the link's virtual clock. Never a wall-clock time: two hosts'
// clocks differ, so only durations cross the wire.
using QuicTime = std::chrono::nanoseconds;

// A QUIC stream id (RFC 9000 section 2.1).
using StreamId = std::int64_t;

}  // namespace headroom::net::quic
