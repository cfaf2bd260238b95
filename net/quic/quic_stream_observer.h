#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace headroom::net::quic {

// How a request stream ended, as its sender or receiver saw it.
enum class StreamOutcome : std::uint8_t {
  Completed,       // the answer went (server) or came (client) whole
  DeadlinePassed,  // dropped at its deadline by a stream scheduler (this end's or the peer's)
  Reset,           // reset for another reason (the peer went away, cancelled, connection lost)
  Refused,         // its stream header was refused (bad header, unknown class)
};

// One request stream, told once when it is over. `className` is the header's class (empty for a
// refused header: malformed, or naming a class not served); `duration` runs from the stream's first byte (server: its header arrived; client:
// the stream was opened) to its end; bytes are stream payload (what the application gave or got), and
// `lostPackets` the packets carrying its data that the QUIC stack declared lost and sent again.
struct StreamRecord {
  std::string className;
  StreamOutcome outcome = StreamOutcome::Completed;
  std::chrono::nanoseconds duration{0};
  std::uint64_t bytesSent = 0;
  std::uint64_t bytesReceived = 0;
  std::uint64_t lostPackets = 0;
  // Completed, and by its deadline when it had one (client: the request's deadline; server: the
  // header's budget from the header's arrival).
  bool withinDeadline = false;
  // The other end as this end addresses it, "host:port" (client: the member's endpoint as configured).
  std::string peer;
};

// Hears every request stream of a QUIC endpoint as it ends (the server driver and the upstream
// transport tell it). Called on the endpoint's I/O thread: implementations are thread-safe and quick.
class StreamObserver {
 public:
  virtual ~StreamObserver() = default;
  virtual void streamEnded(const StreamRecord& record) = 0;
};

}  // namespace headroom::net::quic
