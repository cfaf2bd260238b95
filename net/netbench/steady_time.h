#pragma once

#include <chrono>

#include "net/quic/quic_time.h"

namespace headroom::net::netbench {

// The real-time runs' clock: the steady clock as QuicTime (both ends are in one process, so one epoch).
inline quic::QuicTime steadyNow() {
  return std::chrono::duration_cast<quic::QuicTime>(std::chrono::steady_clock::now().time_since_epoch());
}

}  // namespace headroom::net::netbench
