#include "net/quic/quic_connection.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cstring>
#include <limits>
#include <stdexcept>

#include <gnutls/crypto.h>
#include <ngtcp2/ngtcp2_crypto.h>

#include "net/quic/quic_connection_impl.h"

namespace headroom::net::quic {

QuicPath makeQuicPath(std::string_view localIp, std::uint16_t localPort, std::string_view remoteIp,
                      std::uint16_t remotePort) {
  auto fill = [](std::string_view ip, std::uint16_t port, sockaddr_storage& storage, socklen_t& length) {
    const std::string text(ip);
    storage = {};
    auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
    if (inet_pton(AF_INET, text.c_str(), &v4->sin_addr) == 1) {
      v4->sin_family = AF_INET;
      v4->sin_port = htons(port);
      length = sizeof(sockaddr_in);
      return;
    }
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
    if (inet_pton(AF_INET6, text.c_str(), &v6->sin6_addr) == 1) {
      v6->sin6_family = AF_INET6;
      v6->sin6_port = htons(port);
      length = sizeof(sockaddr_in6);
      return;
    }
    throw std::invalid_argument("not an IPv4 or IPv6 address: " + text);
  };
  QuicPath path;
  fill(localIp, localPort, path.local, path.localLength);
  fill(remoteIp, remotePort, path.remote, path.remoteLength);
  return path;
}

std::unique_ptr<QuicConnection> QuicConnection::connect(const QuicClientConfig& config, const QuicPath& path,
                                                        QuicTime now, QuicConnectionHandler& handler) {
  return detail::ConnectionImpl::client(config, path, now, handler);
}

namespace detail {

namespace {

// QuicTime may start at 0 (a virtual clock); ngtcp2 is given times one second later so that no time
// it sees is 0.
constexpr std::uint64_t kTimeOffsetNs = 1'000'000'000ull;
constexpr std::size_t kClientScidBytes = 17;
constexpr std::size_t kClientDcidBytes = 18;
constexpr std::size_t kServerScidBytes = 18;

ngtcp2_path ngtcp2PathOf(const QuicPath& path) {
  return ngtcp2_path{
      {reinterpret_cast<ngtcp2_sockaddr*>(const_cast<sockaddr_storage*>(&path.local)), path.localLength},
      {reinterpret_cast<ngtcp2_sockaddr*>(const_cast<sockaddr_storage*>(&path.remote)), path.remoteLength},
      nullptr};
}

void randomBytes(std::uint8_t* dest, std::size_t length) {
  if (gnutls_rnd(GNUTLS_RND_RANDOM, dest, length) != 0) throw std::runtime_error("gnutls_rnd failed");
}

ngtcp2_cid randomCid(std::size_t length) {
  ngtcp2_cid cid{};
  cid.datalen = length;
  randomBytes(cid.data, length);
  return cid;
}

}  // namespace

std::unique_ptr<ConnectionImpl> ConnectionImpl::client(const QuicClientConfig& config, const QuicPath& path,
                                                       QuicTime now, QuicConnectionHandler& handler) {
  std::unique_ptr<ConnectionImpl> connection(new ConnectionImpl());
  connection->handler_ = &handler;
  connection->link_->pinnedSha256 = certificateSha256(config.pinnedCertificate);
  const ngtcp2_cid dcid = randomCid(kClientDcidBytes);
  const ngtcp2_cid scid = randomCid(kClientScidBytes);
  connection->init(false, config.limits, config.scheduler, path, now, dcid, scid, nullptr, NGTCP2_PROTO_VER_V1);
  connection->tls_ = TlsSession::client(config.serverName, *connection->link_);
  ngtcp2_conn_set_tls_native_handle(connection->conn_, connection->tls_->get());
  return connection;
}

std::unique_ptr<ConnectionImpl> ConnectionImpl::server(const QuicServerConfig& config,
                                                       const TlsServerCredentials& credentials,
                                                       const ngtcp2_pkt_hd& initial, const QuicPath& path,
                                                       QuicTime now) {
  std::unique_ptr<ConnectionImpl> connection(new ConnectionImpl());
  const ngtcp2_cid scid = randomCid(kServerScidBytes);
  connection->init(true, config.limits, config.scheduler, path, now, initial.scid, scid, &initial.dcid,
                   initial.version);
  connection->tls_ = TlsSession::server(credentials, *connection->link_);
  ngtcp2_conn_set_tls_native_handle(connection->conn_, connection->tls_->get());
  return connection;
}

namespace {

ngtcp2_cc_algo ngtcp2CongestionControl(CongestionControl kind) {
  switch (kind) {
    case CongestionControl::Cubic: return NGTCP2_CC_ALGO_CUBIC;
    case CongestionControl::Bbr: return NGTCP2_CC_ALGO_BBR;
    case CongestionControl::Bbr2: return NGTCP2_CC_ALGO_BBR2;
  }
  return NGTCP2_CC_ALGO_BBR2;
}

}  // namespace

void ConnectionImpl::init(bool isServer, const QuicTransportLimits& limits, const StreamSchedulerOptions& scheduler,
                          const QuicPath& path, QuicTime now, const ngtcp2_cid& dcid, const ngtcp2_cid& scid,
                          const ngtcp2_cid* originalDcid, std::uint32_t version) {
  path_ = path;
  scheduler_ = makeStreamScheduler(scheduler);
  randomBytes(resetSecret_.data(), resetSecret_.size());
  ngtcp2_connection_close_error_default(&closeError_);

  ngtcp2_callbacks callbacks{};
  if (isServer) {
    callbacks.recv_client_initial = ngtcp2_crypto_recv_client_initial_cb;
  } else {
    callbacks.client_initial = ngtcp2_crypto_client_initial_cb;
    callbacks.recv_retry = ngtcp2_crypto_recv_retry_cb;
  }
  callbacks.recv_crypto_data = ngtcp2_crypto_recv_crypto_data_cb;
  callbacks.handshake_completed = onHandshakeCompleted;
  callbacks.encrypt = ngtcp2_crypto_encrypt_cb;
  callbacks.decrypt = ngtcp2_crypto_decrypt_cb;
  callbacks.hp_mask = ngtcp2_crypto_hp_mask_cb;
  callbacks.recv_stream_data = onRecvStreamData;
  callbacks.acked_stream_data_offset = onAckedStreamDataOffset;
  callbacks.stream_open = onStreamOpen;
  callbacks.stream_close = onStreamClose;
  callbacks.stream_reset = onStreamReset;
  callbacks.extend_max_stream_data = onExtendMaxStreamData;
  callbacks.rand = onRand;
  callbacks.get_new_connection_id = onGetNewConnectionId;
  callbacks.update_key = ngtcp2_crypto_update_key_cb;
  callbacks.delete_crypto_aead_ctx = ngtcp2_crypto_delete_crypto_aead_ctx_cb;
  callbacks.delete_crypto_cipher_ctx = ngtcp2_crypto_delete_crypto_cipher_ctx_cb;
  callbacks.get_path_challenge_data = ngtcp2_crypto_get_path_challenge_data_cb;
  callbacks.version_negotiation = ngtcp2_crypto_version_negotiation_cb;

  ngtcp2_settings settings;
  ngtcp2_settings_default(&settings);
  settings.cc_algo = ngtcp2CongestionControl(limits.congestionControl);
  settings.initial_ts = timestamp(now);
  if (limits.randomSeed) {
    random_.seed(*limits.randomSeed + (isServer ? 1 : 0));
    settings.rand_ctx.native_handle = &random_;
  }
  settings.no_pmtud = 1;

  ngtcp2_transport_params params;
  ngtcp2_transport_params_default(&params);
  params.initial_max_stream_data_bidi_local = limits.streamWindowBytes;
  params.initial_max_stream_data_bidi_remote = limits.streamWindowBytes;
  params.initial_max_stream_data_uni = 0;
  params.initial_max_data = limits.connectionWindowBytes;
  params.initial_max_streams_bidi = limits.maxStreams;
  params.initial_max_streams_uni = 0;
  params.max_idle_timeout = static_cast<ngtcp2_duration>(limits.idleTimeout.count());
  params.active_connection_id_limit = 7;
  if (originalDcid != nullptr) params.original_dcid = *originalDcid;

  ngtcp2_path ngPath = ngtcp2PathOf(path_);
  const int rv = isServer ? ngtcp2_conn_server_new(&conn_, &dcid, &scid, &ngPath, version, &callbacks, &settings,
                                                   &params, nullptr, this)
                          : ngtcp2_conn_client_new(&conn_, &dcid, &scid, &ngPath, version, &callbacks, &settings,
                                                   &params, nullptr, this);
  if (rv != 0) throw std::runtime_error(liberrText(isServer ? "ngtcp2_conn_server_new" : "ngtcp2_conn_client_new", rv));
  link_->conn = conn_;
}

ConnectionImpl::~ConnectionImpl() {
  if (conn_ != nullptr) ngtcp2_conn_del(conn_);
  tls_.reset();
}

ngtcp2_tstamp ConnectionImpl::timestamp(QuicTime now) const {
  return static_cast<ngtcp2_tstamp>(now.count()) + kTimeOffsetNs;
}

// ---- callbacks -------------------------------------------------------------------------------------

namespace {
// Runs a callback body; an exception fails the ngtcp2 call that invoked it (never escapes into C).
template <typename Body>
int guarded(void* self, Body&& body) {
  auto* connection = static_cast<ConnectionImpl*>(self);
  try {
    return body(*connection);
  } catch (...) {
    return NGTCP2_ERR_CALLBACK_FAILURE;
  }
}
}  // namespace

int ConnectionImpl::onRecvStreamData(ngtcp2_conn* conn, std::uint32_t flags, std::int64_t id, std::uint64_t,
                                     const std::uint8_t* data, std::size_t length, void* self, void*) {
  auto* connection = static_cast<ConnectionImpl*>(self);
  try {
    if (connection->handler_ != nullptr) {
      connection->handler_->onStreamData(id, std::string_view(reinterpret_cast<const char*>(data), length),
                                         (flags & NGTCP2_STREAM_DATA_FLAG_FIN) != 0);
    }
  } catch (const std::exception& error) {
    connection->callbackFailure_ = std::string("the stream data handler threw: ") + error.what();
    return NGTCP2_ERR_CALLBACK_FAILURE;
  } catch (...) {
    connection->callbackFailure_ = "the stream data handler threw";
    return NGTCP2_ERR_CALLBACK_FAILURE;
  }
  // The bytes are consumed: their credit goes back to the peer.
  ngtcp2_conn_extend_max_stream_offset(conn, id, length);
  ngtcp2_conn_extend_max_offset(conn, length);
  return 0;
}

int ConnectionImpl::onAckedStreamDataOffset(ngtcp2_conn*, std::int64_t id, std::uint64_t offset, std::uint64_t length,
                                            void* self, void*) {
  return guarded(self, [&](ConnectionImpl& connection) {
    Stream* stream = connection.find(id);
    if (stream == nullptr) return 0;
    const std::uint64_t ackedEnd = offset + length;
    while (!stream->chunks.empty() && stream->chunksBegin + stream->chunks.front().size() <= ackedEnd &&
           stream->cursorIndex > 0) {
      stream->chunksBegin += stream->chunks.front().size();
      stream->chunks.pop_front();
      --stream->cursorIndex;
    }
    return 0;
  });
}

int ConnectionImpl::onStreamOpen(ngtcp2_conn*, std::int64_t id, void* self) {
  auto* connection = static_cast<ConnectionImpl*>(self);
  connection->streams_.try_emplace(id);
  try {
    if (connection->handler_ != nullptr) connection->handler_->onStreamOpened(id);
  } catch (const std::exception& error) {
    connection->callbackFailure_ = std::string("the stream-opened handler threw: ") + error.what();
    return NGTCP2_ERR_CALLBACK_FAILURE;
  }
  return 0;
}

int ConnectionImpl::onStreamClose(ngtcp2_conn* conn, std::uint32_t flags, std::int64_t id, std::uint64_t code,
                                  void* self, void*) {
  auto* connection = static_cast<ConnectionImpl*>(self);
  const std::uint64_t lost = ngtcp2_conn_get_stream_loss_count(conn, id);
  bool reportReset = false;
  if (auto it = connection->streams_.find(id); it != connection->streams_.end()) {
    Stream& stream = it->second;
    connection->unschedule(id, stream);
    // The peer stopped this end's sending (STOP_SENDING) without a reset of its own: tell the user.
    reportReset = (flags & NGTCP2_STREAM_CLOSE_FLAG_APP_ERROR_CODE_SET) != 0 && !stream.localReset &&
                  !stream.resetReported;
    connection->finOnly_.erase(id);
    connection->streams_.erase(it);
  }
  if (!ngtcp2_conn_is_local_stream(conn, id)) ngtcp2_conn_extend_max_streams_bidi(conn, 1);
  try {
    if (connection->handler_ != nullptr) {
      if (reportReset) connection->handler_->onStreamReset(id, code);
      connection->handler_->onStreamClosed(id, lost);
    }
  } catch (const std::exception& error) {
    connection->callbackFailure_ = std::string("the stream-closed handler threw: ") + error.what();
    return NGTCP2_ERR_CALLBACK_FAILURE;
  }
  return 0;
}

int ConnectionImpl::onStreamReset(ngtcp2_conn*, std::int64_t id, std::uint64_t, std::uint64_t code, void* self,
                                  void*) {
  auto* connection = static_cast<ConnectionImpl*>(self);
  if (Stream* stream = connection->find(id)) {
    // The peer's answer to this end's own reset (its STOP_SENDING makes the peer reset): nothing new.
    if (stream->localReset) return 0;
    stream->resetReported = true;
  }
  try {
    if (connection->handler_ != nullptr) connection->handler_->onStreamReset(id, code);
  } catch (const std::exception& error) {
    connection->callbackFailure_ = std::string("the stream-reset handler threw: ") + error.what();
    return NGTCP2_ERR_CALLBACK_FAILURE;
  }
  return 0;
}

int ConnectionImpl::onExtendMaxStreamData(ngtcp2_conn*, std::int64_t id, std::uint64_t, void* self, void*) {
  return guarded(self, [&](ConnectionImpl& connection) {
    if (Stream* stream = connection.find(id); stream != nullptr && stream->flowBlocked) {
      stream->flowBlocked = false;
      connection.updateScheduler(id, *stream);
    }
    return 0;
  });
}

int ConnectionImpl::onHandshakeCompleted(ngtcp2_conn*, void* self) {
  auto* connection = static_cast<ConnectionImpl*>(self);
  try {
    if (connection->handler_ != nullptr) connection->handler_->onHandshakeCompleted();
  } catch (const std::exception& error) {
    connection->callbackFailure_ = std::string("the handshake handler threw: ") + error.what();
    return NGTCP2_ERR_CALLBACK_FAILURE;
  }
  return 0;
}

int ConnectionImpl::onGetNewConnectionId(ngtcp2_conn*, ngtcp2_cid* cid, std::uint8_t* token, std::size_t length,
                                         void* self) {
  auto* connection = static_cast<ConnectionImpl*>(self);
  if (gnutls_rnd(GNUTLS_RND_RANDOM, cid->data, length) != 0) return NGTCP2_ERR_CALLBACK_FAILURE;
  cid->datalen = length;
  if (ngtcp2_crypto_generate_stateless_reset_token(token, connection->resetSecret_.data(),
                                                   connection->resetSecret_.size(), cid) != 0) {
    return NGTCP2_ERR_CALLBACK_FAILURE;
  }
  return 0;
}

void ConnectionImpl::onRand(std::uint8_t* dest, std::size_t length, const ngtcp2_rand_ctx* context) {
  if (context != nullptr && context->native_handle != nullptr) {
    auto& random = *static_cast<std::mt19937_64*>(context->native_handle);
    for (std::size_t i = 0; i < length; ++i) dest[i] = static_cast<std::uint8_t>(random());
    return;
  }
  gnutls_rnd(GNUTLS_RND_NONCE, dest, length);
}

// ---- the connection's life ---------------------------------------------------------------------------

void ConnectionImpl::notifyClosed() {
  if (!closedToNotify_) return;
  closedToNotify_ = false;
  if (handler_ != nullptr) handler_->onClosed(closeReason_);
}

void ConnectionImpl::fail(int liberr, std::string reason) {
  if (closed_) return;
  closed_ = true;
  closeReason_ = std::move(reason);
  closeReasonWire_ = closeReason_.substr(0, 200);
  const auto* phrase = reinterpret_cast<const std::uint8_t*>(closeReasonWire_.data());
  if (liberr == NGTCP2_ERR_CRYPTO) {
    std::uint8_t alert = ngtcp2_conn_get_tls_alert(conn_);
    if (alert == 0) alert = 40;  // handshake_failure
    ngtcp2_connection_close_error_set_transport_error_tls_alert(&closeError_, alert, phrase, closeReasonWire_.size());
  } else {
    ngtcp2_connection_close_error_set_transport_error_liberr(&closeError_, liberr, phrase, closeReasonWire_.size());
  }
  closeToWrite_ = true;
  closedToNotify_ = true;
}

void ConnectionImpl::endSilently(std::string reason) {
  if (closed_) return;
  closed_ = true;
  closeReason_ = std::move(reason);
  closeToWrite_ = false;
  closedToNotify_ = true;
}

std::string ConnectionImpl::peerCloseReason() const {
  ngtcp2_connection_close_error error{};
  ngtcp2_conn_get_connection_close_error(conn_, &error);
  std::string reason = "the peer closed the connection";
  if (error.type == NGTCP2_CONNECTION_CLOSE_ERROR_CODE_TYPE_APPLICATION) {
    reason += " (application error " + std::to_string(error.error_code) + ")";
  } else if ((error.error_code & 0xFF00u) == NGTCP2_CRYPTO_ERROR) {
    reason += " (TLS alert " + std::to_string(error.error_code & 0xFFu) + ")";
  } else if (error.error_code == NGTCP2_CONNECTION_REFUSED) {
    reason += " (connection refused)";
  } else if (error.error_code != NGTCP2_NO_ERROR) {
    reason += " (transport error " + std::to_string(error.error_code) + ")";
  }
  if (error.reason != nullptr && error.reasonlen > 0) {
    reason += ": " + std::string(reinterpret_cast<const char*>(error.reason), error.reasonlen);
  }
  return reason;
}

void ConnectionImpl::close(std::string_view reason) {
  if (closed_ || conn_ == nullptr) return;
  closed_ = true;
  closeReason_ = std::string(reason);
  closeReasonWire_ = closeReason_.substr(0, 200);
  const auto* phrase = reinterpret_cast<const std::uint8_t*>(closeReasonWire_.data());
  if (handshakeCompleted()) {
    ngtcp2_connection_close_error_set_application_error(&closeError_, 0, phrase, closeReasonWire_.size());
  } else {
    // Before the handshake an application close loses its reason on the wire (RFC 9000 10.2.3): a
    // server turning a client away says so as a transport error, with the reason.
    ngtcp2_connection_close_error_set_transport_error(
        &closeError_, ngtcp2_conn_is_server(conn_) != 0 ? NGTCP2_CONNECTION_REFUSED : NGTCP2_NO_ERROR, phrase,
        closeReasonWire_.size());
  }
  closeToWrite_ = true;
  closedToNotify_ = true;
}

void ConnectionImpl::receive(std::span<const std::uint8_t> datagram, const QuicPath& path, QuicTime now) {
  if (closed_ || conn_ == nullptr || datagram.empty()) return;
  lastNow_ = std::max(lastNow_, now);
  ngtcp2_path ngPath = ngtcp2PathOf(path);
  const int rv = ngtcp2_conn_read_pkt(conn_, &ngPath, nullptr, datagram.data(), datagram.size(), timestamp(now));
  if (rv != 0) {
    switch (rv) {
      case NGTCP2_ERR_DRAINING:
        endSilently(peerCloseReason());
        break;
      case NGTCP2_ERR_DROP_CONN:
        endSilently("the connection was dropped: " + liberrText("ngtcp2_conn_read_pkt", rv));
        break;
      case NGTCP2_ERR_CRYPTO:
        fail(rv, link_->failure.empty() ? "TLS handshake failed: " + liberrText("ngtcp2_conn_read_pkt", rv) +
                                              ", TLS alert " + std::to_string(ngtcp2_conn_get_tls_alert(conn_))
                                        : link_->failure);
        break;
      case NGTCP2_ERR_CALLBACK_FAILURE:
        fail(rv, callbackFailure_.empty() ? liberrText("ngtcp2_conn_read_pkt", rv) : callbackFailure_);
        break;
      default:
        if (!link_->failure.empty()) {
          fail(NGTCP2_ERR_CRYPTO, link_->failure);
        } else {
          fail(rv, liberrText("ngtcp2_conn_read_pkt", rv));
        }
        break;
    }
  }
  applyShutdowns();
  notifyClosed();  // last: the owner may let go of the connection when it hears of its end
}

void ConnectionImpl::onTimer(QuicTime now) {
  lastNow_ = std::max(lastNow_, now);
  if (closed_ || conn_ == nullptr) {
    applyShutdowns();
    notifyClosed();
    return;
  }
  const int rv = ngtcp2_conn_handle_expiry(conn_, timestamp(now));
  if (rv == NGTCP2_ERR_IDLE_CLOSE) {
    endSilently("idle timeout: nothing heard from the peer");
  } else if (rv == NGTCP2_ERR_HANDSHAKE_TIMEOUT) {
    fail(rv, "the handshake timed out");
  } else if (rv != 0) {
    fail(rv, liberrText("ngtcp2_conn_handle_expiry", rv));
  }
  applyShutdowns();
  notifyClosed();
}

QuicTime ConnectionImpl::nextTimer() const {
  if (closedToNotify_ || closeToWrite_ || !shutdowns_.empty()) return QuicTime{0};
  if (closed_ || conn_ == nullptr) return QuicTime::max();
  QuicTime next = QuicTime::max();
  const ngtcp2_tstamp expiry = ngtcp2_conn_get_expiry(conn_);
  if (expiry != UINT64_MAX) {
    next = expiry < kTimeOffsetNs ? QuicTime{0} : QuicTime{static_cast<std::int64_t>(expiry - kTimeOffsetNs)};
  }
  // The next stream deadline still ahead (one already reached has had its wake-up).
  if (auto it = deadlines_.upper_bound({lastNow_, std::numeric_limits<StreamId>::max()}); it != deadlines_.end()) {
    next = std::min(next, it->first);
  }
  return next;
}

bool ConnectionImpl::handshakeCompleted() const {
  return conn_ != nullptr && ngtcp2_conn_get_handshake_completed(conn_) != 0;
}

LinkEstimate ConnectionImpl::linkEstimate() const {
  LinkEstimate estimate;
  if (conn_ == nullptr) return estimate;
  ngtcp2_conn_stat stat{};
  ngtcp2_conn_get_conn_stat(conn_, &stat);
  estimate.smoothedRtt = std::chrono::nanoseconds(stat.smoothed_rtt);
  // ngtcp2 0.12 keeps pacing_rate in bytes per nanosecond; without one it paces at cwnd / RTT x 1.25.
  if (stat.pacing_rate > 0) {
    estimate.pacingBytesPerSecond = stat.pacing_rate * 1e9;
  } else if (stat.smoothed_rtt > 0) {
    estimate.pacingBytesPerSecond = static_cast<double>(stat.cwnd) / static_cast<double>(stat.smoothed_rtt) * 1.25e9;
  }
  return estimate;
}

std::vector<std::string> ConnectionImpl::sourceConnectionIds() const {
  std::vector<std::string> ids;
  if (conn_ == nullptr) return ids;
  std::vector<ngtcp2_cid> cids(ngtcp2_conn_get_num_scid(conn_));
  cids.resize(ngtcp2_conn_get_scid(conn_, cids.data()));
  for (const ngtcp2_cid& cid : cids) ids.emplace_back(reinterpret_cast<const char*>(cid.data), cid.datalen);
  return ids;
}

void ConnectionImpl::writeConnectionClose(QuicTime now, const std::function<void(std::span<const std::uint8_t>)>& send) {
  closeToWrite_ = false;
  if (conn_ == nullptr || ngtcp2_conn_is_in_draining_period(conn_) != 0) return;
  std::array<std::uint8_t, kDatagramBytes> buffer{};
  ngtcp2_path_storage storage;
  ngtcp2_path_storage_zero(&storage);
  ngtcp2_pkt_info info{};
  const ngtcp2_ssize written = ngtcp2_conn_write_connection_close(conn_, &storage.path, &info, buffer.data(),
                                                                  buffer.size(), &closeError_, timestamp(now));
  if (written > 0) send(std::span<const std::uint8_t>(buffer.data(), static_cast<std::size_t>(written)));
}

}  // namespace detail

}  // namespace headroom::net::quic
