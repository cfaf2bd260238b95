#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "net/quic/quic_time.h"

namespace headroom::net::quic {

// Which stream a sender writes next. The same policies order the router's uploads and the server's
// answers. They govern first transmissions: the QUIC stack resends lost data itself, ahead of new data.
//  rr    round robin between streams with data (the QUIC default), one quantum at a time
//  fcfs  the stream opened first, until it has nothing to send
//  abs   absolute priority: the lowest level first; FIFO (opening order) between equal levels
//  edf   earliest deadline first; streams without a deadline after those with one, FIFO among them;
//        drops streams that cannot make it (see Decision)
//  ml    multi-level: level 0 is real-time and served first, by EDF with dropping; levels >= 1 are
//        best-effort, strictly by level, round robin within a level; best-effort gets at least
//        bestEffortMinShare of the bytes sent while it has data, so it is never starved
enum class StreamSchedulerKind : std::uint8_t { RoundRobin, Fcfs, AbsolutePriority, Edf, MultiLevel };

// "rr", "fcfs", "abs", "edf", "ml".
std::string_view streamSchedulerName(StreamSchedulerKind kind);
std::optional<StreamSchedulerKind> parseStreamSchedulerName(std::string_view name);
// "rr, fcfs, abs, edf, ml": for error messages that list what is allowed.
std::string_view streamSchedulerNames();

struct StreamSchedulerOptions {
  StreamSchedulerKind kind = StreamSchedulerKind::RoundRobin;
  std::uint64_t quantumBytes = 1200;   // rr and ml's best-effort levels: bytes per turn
  double bestEffortMinShare = 0.1;     // ml: the best-effort levels' least share of bytes sent, 0..0.5
};

// What the sender knows of one stream.
struct StreamAttributes {
  std::string className;
  std::uint8_t level = 0;             // 0 is the most urgent
  std::optional<QuicTime> deadline;   // on the sender's clock; none: no deadline
};

// What the scheduler may assume of the path, from the congestion controller.
struct LinkEstimate {
  double pacingBytesPerSecond = 0;   // 0: unknown (then only the RTT counts)
  std::chrono::nanoseconds smoothedRtt{0};
};

// A policy's state over the open streams of one connection (one direction: what this end sends). Not
// thread-safe: the connection that owns it calls it on its own thread.
class StreamScheduler {
 public:
  virtual ~StreamScheduler() = default;

  // A stream this end will send on; the order of open() calls is the FIFO order.
  virtual void open(StreamId id, const StreamAttributes& attributes, QuicTime now) = 0;
  // The stream is finished (all sent and FIN given), reset, or closed: forget it.
  virtual void close(StreamId id) = 0;
  // Bytes this end has for the stream and not yet sent once; 0: nothing to send now (e.g. an answer
  // waiting for tokens). `flowBlocked`: the peer's flow control lets nothing more go now.
  virtual void setPending(StreamId id, std::uint64_t unsentBytes, bool flowBlocked) = 0;

  struct Decision {
    // The stream to write next; none when no open stream has sendable bytes.
    std::optional<StreamId> send;
    // edf and ml (level 0) only: streams past their deadline, with or without bytes left; the sender
    // resets them (RESET_STREAM, StreamErrorCode::DeadlinePassed), closes them here and tells its user.
    // A stream that can still be sent but can no longer finish in time (unsent bytes at the pacing rate
    // plus half an RTT past its deadline) is not dropped yet but skipped: it is sent only when no other
    // stream has sendable bytes.
    std::vector<StreamId> expired;
  };
  virtual Decision next(QuicTime now, const LinkEstimate& link) = 0;

  // `bytes` of the stream's data went out for the first time (after a next() that chose it).
  virtual void sent(StreamId id, std::uint64_t bytes) = 0;
};

std::unique_ptr<StreamScheduler> makeStreamScheduler(const StreamSchedulerOptions& options);

}  // namespace headroom::net::quic
