#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "net/netbench/netbench_outcome.h"
#include "net/netbench/netbench_workload.h"
#include "net/quic/quic_connection.h"
#include "net/quic/stream_header.h"

namespace headroom::net::netbench {

// Where the two ends of one run write what they saw, so the run can count the bytes a dropped stream
// never delivered (both ends live in the netbench process).
struct EchoLedger {
  std::vector<std::uint64_t> serverReceivedBytes;  // per request index: payload bytes the server read
  std::uint64_t refusedStreams = 0;                // headers the server refused
};

// The payload of request `index`: `bytes` bytes that depend on the index, so an echo from another
// request would not match.
std::string echoPayload(std::size_t index, std::uint32_t bytes);
// "r<index>", the request id on the stream header, and back.
std::string requestIdOf(std::size_t index);
std::optional<std::size_t> requestIndexOf(std::string_view requestId);

// The echo server's side of one connection: reads each stream's StreamHeader, refuses a bad one or one
// naming a class it does not know (RESET_STREAM with BadHeader / UnknownClass), gives the answer the
// header's class, level and deadline (now + budget) for the server's scheduler, and writes every payload
// byte back on the same stream as it arrives, ending it when the header's length is echoed.
class EchoServerHandler final : public quic::QuicConnectionHandler {
 public:
  EchoServerHandler(quic::QuicConnection& connection, std::vector<NetbenchClass> classes,
                    std::function<quic::QuicTime()> clock, EchoLedger& ledger);

  void onStreamData(quic::StreamId id, std::string_view bytes, bool fin) override;
  void onStreamReset(quic::StreamId id, std::uint64_t applicationErrorCode) override;
  void onStreamClosed(quic::StreamId id, std::uint64_t lostPackets) override;
  void onClosed(std::string_view reason) override;

 private:
  struct Stream {
    quic::StreamHeaderReader reader;
    std::optional<quic::StreamHeader> header;
    std::optional<std::size_t> requestIndex;
    std::uint64_t echoedBytes = 0;
    bool refused = false;
  };
  void echo(quic::StreamId id, Stream& stream, std::string_view payload);

  quic::QuicConnection& connection_;
  std::vector<NetbenchClass> classes_;
  std::function<quic::QuicTime()> clock_;
  EchoLedger& ledger_;
  std::map<quic::StreamId, Stream> streams_;
};

// The client of one run over QUIC: start(request) opens the request's stream (class, level and deadline
// = start + class deadline for its scheduler) and writes the header (budget: what is left of the
// deadline) and the payload; it records when the last echoed byte arrives. Requests that find the
// stream limit reached wait and go in order as streams close. Bind the connection before the first start().
class EchoClient final : public quic::QuicConnectionHandler {
 public:
  EchoClient(std::vector<NetbenchClass> classes, std::function<quic::QuicTime()> clock,
             const std::vector<NetbenchRequest>& requests);

  void bind(quic::QuicConnection& connection) { connection_ = &connection; }
  // The request starts now (its start time, on the connection's clock).
  void start(const NetbenchRequest& request);

  bool handshakeDone() const { return handshakeDone_; }
  // Every started request has completed, been dropped or reset; and `expected` were started.
  bool finished(std::size_t expected) const { return started_ == expected && settled_ == expected; }
  const std::string& failure() const { return failure_; }

  // The outcome of every request, the bytes dropped counted with what the server received.
  RunOutcome outcome(const EchoLedger& ledger) const;

  void onHandshakeCompleted() override { handshakeDone_ = true; }
  void onStreamData(quic::StreamId id, std::string_view bytes, bool fin) override;
  void onStreamReset(quic::StreamId id, std::uint64_t applicationErrorCode) override;
  void onStreamExpired(quic::StreamId id) override;
  void onStreamClosed(quic::StreamId id, std::uint64_t lostPackets) override;
  void onClosed(std::string_view reason) override;

 private:
  struct Request {
    std::size_t classIndex = 0;
    quic::QuicTime start{0};
    std::uint32_t bytes = 0;
    std::string payload;  // from start() until settled: what the echo must match
    std::uint64_t echoedBytes = 0;
    std::optional<quic::QuicTime> completedAt;
    bool dropped = false;
    bool failed = false;
    bool settled = false;
  };
  void openWaiting();
  void settle(Request& request);

  std::vector<NetbenchClass> classes_;
  std::function<quic::QuicTime()> clock_;
  quic::QuicConnection* connection_ = nullptr;
  std::vector<Request> requests_;
  std::vector<std::size_t> waiting_;  // started, no stream yet (stream limit)
  std::map<quic::StreamId, std::size_t> streamRequest_;
  std::size_t started_ = 0;
  std::size_t settled_ = 0;
  bool handshakeDone_ = false;
  std::string failure_;
};

}  // namespace headroom::net::netbench
