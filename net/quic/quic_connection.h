#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <netinet/in.h>
#include <sys/socket.h>

#include "net/quic/congestion_control.h"
#include "net/quic/quic_time.h"
#include "net/quic/stream_scheduler.h"

namespace headroom::net::quic {

// The two ends of a UDP path. Over a virtual link they are made-up addresses.
struct QuicPath {
  sockaddr_storage local{};
  socklen_t localLength = 0;
  sockaddr_storage remote{};
  socklen_t remoteLength = 0;
};
QuicPath makeQuicPath(std::string_view localIp, std::uint16_t localPort, std::string_view remoteIp, std::uint16_t remotePort);

// Transport parameters this end announces (ngtcp2's defaults are zero: nothing could be sent). The
// receive windows are returned to the peer as the application consumes data, so a transfer of any size
// goes through.
struct QuicTransportLimits {
  std::uint64_t streamWindowBytes = 1u << 20;        // per stream, each direction
  std::uint64_t connectionWindowBytes = 16u << 20;   // whole connection
  std::uint64_t maxStreams = 4096;                   // concurrent bidirectional streams the peer may open
  std::chrono::nanoseconds idleTimeout = std::chrono::seconds(30);
  // What paces this end's sending (see CongestionControl).
  CongestionControl congestionControl = kDefaultCongestionControl;
  // Makes the transport's random choices that shape its timing (BBR's probe cycle) repeatable: for
  // emulated links that must give the same run for a seed. Unset (the default) on a real network.
  std::optional<std::uint64_t> randomSeed;
};

// The ALPN both ends require: a request stream as StreamHeader + request, answered on the same stream.
inline constexpr std::string_view kHeadroomAlpn = "headroom-stream/1";

struct QuicClientConfig {
  std::string serverName;                   // SNI
  // The server's certificate (PEM). The handshake fails unless the server presents exactly this
  // certificate (pinned by its SHA-256): no CA is trusted.
  std::filesystem::path pinnedCertificate;
  StreamSchedulerOptions scheduler;         // orders this end's uploads
  QuicTransportLimits limits;
};

struct QuicServerConfig {
  std::filesystem::path certificate;        // PEM chain
  std::filesystem::path key;                // PEM private key
  StreamSchedulerOptions scheduler;         // orders this end's answers
  QuicTransportLimits limits;
};

// What the owner of a connection hears, on the thread that calls the connection (never re-entrantly
// from inside write()/resetStream()/openStream(), only from receive(), flush() and onTimer()).
class QuicConnectionHandler {
 public:
  virtual ~QuicConnectionHandler() = default;
  virtual void onHandshakeCompleted() {}
  // The peer opened a stream (server side: a new request).
  virtual void onStreamOpened(StreamId /*id*/) {}
  // Bytes of a stream in order; `fin`: the peer has sent all. The bytes count as consumed on return
  // (their flow-control credit goes back to the peer).
  virtual void onStreamData(StreamId id, std::string_view bytes, bool fin) = 0;
  // The peer reset the stream or asked this end to stop sending (its application error code).
  virtual void onStreamReset(StreamId id, std::uint64_t applicationErrorCode) = 0;
  // This end's scheduler dropped the stream at its deadline; it was reset with DeadlinePassed.
  virtual void onStreamExpired(StreamId /*id*/) {}
  // The stream is over in both directions; `lostPackets`: packets carrying its data declared lost.
  virtual void onStreamClosed(StreamId /*id*/, std::uint64_t /*lostPackets*/) {}
  // The connection ended (peer closed, idle timeout, handshake or protocol error), with a reason that
  // names what failed, e.g. "certificate not the pinned one". Called once.
  virtual void onClosed(std::string_view reason) = 0;
};

// One QUIC connection (RFC 9000, TLS 1.3 by GnuTLS), with no I/O of its own: the owner passes it the
// datagrams that arrive, collects the ones it writes, and calls onTimer() at nextTimer(). Times are
// QuicTime (the steady clock over sockets, the virtual clock over an emulated link). Stream data is
// written in the order the connection's StreamScheduler picks, and kept until acknowledged. Not
// thread-safe: one owner thread or strand.
class QuicConnection {
 public:
  virtual ~QuicConnection() = default;

  // Starts the handshake (the first flush() writes the Initial). Throws std::runtime_error when the
  // pinned certificate does not load.
  static std::unique_ptr<QuicConnection> connect(const QuicClientConfig& config, const QuicPath& path, QuicTime now,
                                                 QuicConnectionHandler& handler);

  virtual void receive(std::span<const std::uint8_t> datagram, const QuicPath& path, QuicTime now) = 0;
  // Writes every datagram that may go now (congestion, pacing and flow control allowing) to `send`.
  virtual void flush(QuicTime now, const std::function<void(std::span<const std::uint8_t>)>& send) = 0;
  // When onTimer() is due (loss detection, ACK delay, idle timeout, pacing); QuicTime::max() if never.
  virtual QuicTime nextTimer() const = 0;
  virtual void onTimer(QuicTime now) = 0;

  // Client: opens a bidirectional stream; nullopt while the peer's stream limit is reached.
  virtual std::optional<StreamId> openStream(const StreamAttributes& attributes, QuicTime now) = 0;
  // Server: what its answer on a peer's stream is (class, level, deadline from the stream header).
  virtual void setStreamAttributes(StreamId id, const StreamAttributes& attributes, QuicTime now) = 0;
  // Queues bytes on a stream; `fin` ends this end's side. Sent when the scheduler picks the stream.
  virtual void write(StreamId id, std::string_view bytes, bool fin) = 0;
  // Resets the stream both ways (RESET_STREAM and STOP_SENDING) with the application error code.
  virtual void resetStream(StreamId id, std::uint64_t applicationErrorCode) = 0;
  // Closes the connection (CONNECTION_CLOSE on the next flush()).
  virtual void close(std::string_view reason) = 0;

  virtual bool handshakeCompleted() const = 0;
  virtual bool closed() const = 0;
  virtual LinkEstimate linkEstimate() const = 0;
  // Streams open now (either end's).
  virtual std::size_t openStreams() const = 0;
};

// The server side of a UDP port, without I/O: it reads each datagram's destination connection id,
// hands it to its connection or accepts a new one (an Initial of a supported version; anything else is
// dropped or answered with Version Negotiation), and writes for all of them.
class QuicServerEndpoint {
 public:
  // Makes the handler of each accepted connection; the handler lives as long as its connection.
  using HandlerFactory = std::function<std::unique_ptr<QuicConnectionHandler>(QuicConnection& connection)>;

  // Throws std::runtime_error naming the file when the certificate or key does not load.
  QuicServerEndpoint(QuicServerConfig config, HandlerFactory factory);
  ~QuicServerEndpoint();

  void receive(std::span<const std::uint8_t> datagram, const QuicPath& path, QuicTime now);
  // Writes what every connection may send now; each datagram goes to its path's remote address.
  void flush(QuicTime now, const std::function<void(std::span<const std::uint8_t>, const QuicPath&)>& send);
  QuicTime nextTimer() const;
  // Runs due timers and forgets closed connections.
  void onTimer(QuicTime now);
  // Calls `visit` for every live connection (e.g. to write answers produced elsewhere).
  void forEachConnection(const std::function<void(QuicConnection&)>& visit);
  std::size_t connections() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The SHA-256 of a PEM certificate's DER, lower-case hex: what the client pins. Throws
// std::runtime_error naming the file when it does not load.
std::string certificateSha256(const std::filesystem::path& pemFile);

}  // namespace headroom::net::quic
