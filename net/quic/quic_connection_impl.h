#pragma once

#include <array>
#include <random>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <utility>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <ngtcp2/ngtcp2.h>

#include "net/quic/quic_connection.h"
#include "net/quic/quic_tls_gnutls.h"

namespace headroom::net::quic::detail {

inline constexpr std::size_t kDatagramBytes = 1500;  // the largest datagram this end writes

// "ngtcp2_conn_read_pkt failed: ERR_PROTO (-205)": an ngtcp2 error as a close reason names it.
inline std::string liberrText(std::string_view call, int liberr) {
  return std::string(call) + " failed: " + ngtcp2_strerror(liberr) + " (" + std::to_string(liberr) + ")";
}

// The one QuicConnection implementation, client or server, on ngtcp2 0.12. Internal to net/quic: the
// client is made by QuicConnection::connect, the server side by QuicServerEndpoint. Not thread-safe.
//
// ngtcp2 is only called at safe points: stream resets the user asks for, and the streams the
// scheduler drops at their deadline, are shut down after ngtcp2_conn_read_pkt returns and between
// packets in flush() (never inside an ngtcp2 callback or a coalesced packet); the handler hears of
// expired streams at those points too. onClosed is the last thing receive(), flush() or onTimer() does,
// so its owner may destroy the connection from inside onClosed (from no other handler call).
class ConnectionImpl final : public QuicConnection {
 public:
  static std::unique_ptr<ConnectionImpl> client(const QuicClientConfig& config, const QuicPath& path, QuicTime now,
                                                QuicConnectionHandler& handler);
  // From a client's first Initial, as ngtcp2_accept decoded it. The handler is set right after.
  static std::unique_ptr<ConnectionImpl> server(const QuicServerConfig& config, const TlsServerCredentials& credentials,
                                                const ngtcp2_pkt_hd& initial, const QuicPath& path, QuicTime now);
  void setHandler(QuicConnectionHandler& handler) { handler_ = &handler; }
  ~ConnectionImpl() override;

  void receive(std::span<const std::uint8_t> datagram, const QuicPath& path, QuicTime now) override;
  void flush(QuicTime now, const std::function<void(std::span<const std::uint8_t>)>& send) override;
  QuicTime nextTimer() const override;
  void onTimer(QuicTime now) override;
  std::optional<StreamId> openStream(const StreamAttributes& attributes, QuicTime now) override;
  void setStreamAttributes(StreamId id, const StreamAttributes& attributes, QuicTime now) override;
  void write(StreamId id, std::string_view bytes, bool fin) override;
  void resetStream(StreamId id, std::uint64_t applicationErrorCode) override;
  void close(std::string_view reason) override;
  bool handshakeCompleted() const override;
  bool closed() const override { return closed_; }
  LinkEstimate linkEstimate() const override;
  std::size_t openStreams() const override { return streams_.size(); }

  // For the server endpoint: the connection ids the peer may address this connection by.
  std::vector<std::string> sourceConnectionIds() const;
  // Closed, and the CONNECTION_CLOSE (if any) written: the endpoint may forget it.
  bool finished() const { return closed_ && !closeToWrite_ && !closedToNotify_; }
  const QuicPath& path() const { return path_; }

 private:
  // One stream's sending side: bytes kept from write() until the peer acknowledges them (ngtcp2 keeps
  // pointers into them for retransmission). Chunks never move once stored (a deque of strings).
  struct Stream {
    std::deque<std::string> chunks;
    std::uint64_t chunksBegin = 0;   // stream offset of chunks.front()
    std::size_t cursorIndex = 0;     // the chunk holding offset `sent` (== chunks.size() when all sent)
    std::uint64_t cursorBegin = 0;   // stream offset of chunks[cursorIndex]
    std::uint64_t written = 0;       // bytes given to write()
    std::uint64_t sent = 0;          // bytes sent at least once
    bool finQueued = false;
    bool finSent = false;
    bool scheduled = false;          // open in the scheduler
    std::optional<QuicTime> deadline;  // the scheduler's deadline for it, while scheduled
    bool flowBlocked = false;
    bool writeShut = false;          // reset, expired or stopped: nothing more is sent
    bool localReset = false;         // this end reset it (a close with an error code is ours)
    bool resetReported = false;      // the handler heard onStreamReset
  };
  struct Shutdown {
    StreamId id;
    std::uint64_t code;
    bool expired;  // dropped by the scheduler: tell the handler onStreamExpired
  };

  ConnectionImpl() = default;
  void init(bool isServer, const QuicTransportLimits& limits, const StreamSchedulerOptions& scheduler,
            const QuicPath& path, QuicTime now, const ngtcp2_cid& dcid, const ngtcp2_cid& scid,
            const ngtcp2_cid* originalDcid, std::uint32_t version);

  // ngtcp2 callbacks (user_data is the ConnectionImpl).
  static int onRecvStreamData(ngtcp2_conn*, std::uint32_t flags, std::int64_t id, std::uint64_t offset,
                              const std::uint8_t* data, std::size_t length, void* self, void*);
  static int onAckedStreamDataOffset(ngtcp2_conn*, std::int64_t id, std::uint64_t offset, std::uint64_t length,
                                     void* self, void*);
  static int onStreamOpen(ngtcp2_conn*, std::int64_t id, void* self);
  static int onStreamClose(ngtcp2_conn*, std::uint32_t flags, std::int64_t id, std::uint64_t code, void* self, void*);
  static int onStreamReset(ngtcp2_conn*, std::int64_t id, std::uint64_t finalSize, std::uint64_t code, void* self,
                           void*);
  static int onExtendMaxStreamData(ngtcp2_conn*, std::int64_t id, std::uint64_t maxData, void* self, void*);
  static int onHandshakeCompleted(ngtcp2_conn*, void* self);
  static int onGetNewConnectionId(ngtcp2_conn*, ngtcp2_cid* cid, std::uint8_t* token, std::size_t length, void* self);
  static void onRand(std::uint8_t* dest, std::size_t length, const ngtcp2_rand_ctx*);

  Stream* find(StreamId id);
  // Opens (or re-opens) the stream in the scheduler with `attributes`; its deadline becomes a timer.
  void schedule(StreamId id, Stream& stream, const StreamAttributes& attributes, QuicTime now);
  void unschedule(StreamId id, Stream& stream);
  void updateScheduler(StreamId id, Stream& stream);
  void accountSent(StreamId id, Stream& stream, std::int64_t bytes, bool finOffered);
  void dropStream(StreamId id, Stream& stream, std::uint64_t code, bool expired);
  void applyShutdowns();
  void notifyClosed();
  // The connection fails: CONNECTION_CLOSE from ngtcp2's error `liberr` goes out on the next flush().
  void fail(int liberr, std::string reason);
  // The connection is over without a packet of ours (the peer closed, idle timeout, dropped).
  void endSilently(std::string reason);
  std::string peerCloseReason() const;
  void writeConnectionClose(QuicTime now, const std::function<void(std::span<const std::uint8_t>)>& send);
  ngtcp2_tstamp timestamp(QuicTime now) const;

  ngtcp2_conn* conn_ = nullptr;
  std::unique_ptr<TlsSessionLink> link_ = std::make_unique<TlsSessionLink>();
  std::unique_ptr<TlsSession> tls_;
  QuicConnectionHandler* handler_ = nullptr;
  std::unique_ptr<StreamScheduler> scheduler_;
  QuicPath path_;
  std::unordered_map<StreamId, Stream> streams_;
  std::set<StreamId> finOnly_;         // streams whose only unsent part is the FIN
  // Deadlines of scheduled streams: nextTimer() wakes the owner at each, so the scheduler drops a stream
  // at its deadline even when nothing else happens on the connection.
  std::set<std::pair<QuicTime, StreamId>> deadlines_;
  QuicTime lastNow_{0};                // the latest time this connection was given
  std::vector<Shutdown> shutdowns_;    // applied at the next safe point
  std::array<std::uint8_t, 32> resetSecret_{};
  // The congestion controller's random choices, when QuicTransportLimits::randomSeed asks them repeatable.
  std::mt19937_64 random_;
  std::string callbackFailure_;        // what threw inside a callback
  bool closed_ = false;
  bool closeToWrite_ = false;          // a CONNECTION_CLOSE is due on the next flush()
  bool closedToNotify_ = false;        // onClosed is due at the next safe point
  ngtcp2_connection_close_error closeError_{};
  std::string closeReason_;
  std::string closeReasonWire_;        // the reason phrase sent in CONNECTION_CLOSE (ngtcp2 keeps a pointer)
};

}  // namespace headroom::net::quic::detail
