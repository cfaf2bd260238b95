#include <algorithm>
#include <array>
#include <list>
#include <unordered_map>
#include <utility>

#include <gnutls/crypto.h>
#include <ngtcp2/ngtcp2.h>

#include "net/quic/quic_connection.h"
#include "net/quic/quic_connection_impl.h"
#include "net/quic/quic_tls_gnutls.h"

namespace headroom::net::quic {

namespace {

// The length of the connection ids the server issues (short headers carry no length).
constexpr std::size_t kServerCidBytes = 18;
// Version Negotiation answers waiting for flush(); more are dropped (they cost nothing to send again).
constexpr std::size_t kMaxPendingVersionNegotiations = 64;

std::string cidKey(const std::uint8_t* data, std::size_t length) {
  return std::string(reinterpret_cast<const char*>(data), length);
}

}  // namespace

struct QuicServerEndpoint::Impl {
  // Handler before connection: the connection goes first and never calls its handler on the way out.
  struct Entry {
    std::unique_ptr<QuicConnectionHandler> handler;
    std::unique_ptr<detail::ConnectionImpl> connection;
    std::vector<std::string> keys;
  };
  struct VersionNegotiation {
    std::vector<std::uint8_t> datagram;
    QuicPath path;
  };

  QuicServerConfig config;
  HandlerFactory factory;
  std::unique_ptr<detail::TlsServerCredentials> credentials;
  std::list<Entry> entries;
  std::unordered_map<std::string, Entry*> byCid;
  std::vector<VersionNegotiation> versionNegotiations;

  void addKey(Entry& entry, std::string key) {
    if (byCid.emplace(key, &entry).second) entry.keys.push_back(std::move(key));
  }
  void index(Entry& entry) {
    for (std::string& key : entry.connection->sourceConnectionIds()) addKey(entry, std::move(key));
  }
  void forgetFinished() {
    for (auto it = entries.begin(); it != entries.end();) {
      if (it->connection->finished()) {
        for (const std::string& key : it->keys) byCid.erase(key);
        it = entries.erase(it);
      } else {
        ++it;
      }
    }
  }
  void answerUnknownVersion(const ngtcp2_version_cid& header, const QuicPath& path) {
    if (versionNegotiations.size() >= kMaxPendingVersionNegotiations) return;
    std::uint8_t grease = 0;
    gnutls_rnd(GNUTLS_RND_NONCE, &grease, 1);
    // A reserved version (0x?a?a?a?a) so clients see that unknown versions are ignored, then ours.
    const std::array<std::uint32_t, 2> versions{0x1a2a3a4au, NGTCP2_PROTO_VER_V1};
    std::vector<std::uint8_t> datagram(NGTCP2_MAX_UDP_PAYLOAD_SIZE);
    const ngtcp2_ssize written = ngtcp2_pkt_write_version_negotiation(
        datagram.data(), datagram.size(), grease, header.scid, header.scidlen, header.dcid, header.dcidlen,
        versions.data(), versions.size());
    if (written <= 0) return;
    datagram.resize(static_cast<std::size_t>(written));
    versionNegotiations.push_back(VersionNegotiation{std::move(datagram), path});
  }
  void accept(std::span<const std::uint8_t> datagram, const std::string& dcid, const QuicPath& path, QuicTime now) {
    ngtcp2_pkt_hd header{};
    if (ngtcp2_accept(&header, datagram.data(), datagram.size()) != 0) return;  // not a client's first Initial
    std::unique_ptr<detail::ConnectionImpl> connection;
    try {
      connection = detail::ConnectionImpl::server(config, *credentials, header, path, now);
    } catch (const std::exception&) {
      return;
    }
    // The client's first Initial calls no handler (it carries only the ClientHello): the handler is made
    // once it was read, so a datagram that only looks like an Initial costs no handler.
    connection->receive(datagram, path, now);
    if (connection->closed()) return;
    Entry& entry = entries.emplace_back();
    entry.connection = std::move(connection);
    try {
      entry.handler = factory(*entry.connection);
    } catch (const std::exception&) {
      entry.handler.reset();
    }
    addKey(entry, dcid);
    index(entry);
    if (entry.handler) {
      entry.connection->setHandler(*entry.handler);
    } else {
      // Refused: the CONNECTION_CLOSE goes out in an Initial packet the client can read.
      entry.connection->close("the server refused the connection");
    }
  }
};

QuicServerEndpoint::QuicServerEndpoint(QuicServerConfig config, HandlerFactory factory) : impl_(std::make_unique<Impl>()) {
  impl_->credentials = std::make_unique<detail::TlsServerCredentials>(config.certificate, config.key);
  impl_->config = std::move(config);
  impl_->factory = std::move(factory);
}

QuicServerEndpoint::~QuicServerEndpoint() = default;

void QuicServerEndpoint::receive(std::span<const std::uint8_t> datagram, const QuicPath& path, QuicTime now) {
  if (datagram.empty()) return;
  ngtcp2_version_cid header{};
  const int rv = ngtcp2_pkt_decode_version_cid(&header, datagram.data(), datagram.size(), kServerCidBytes);
  if (rv == NGTCP2_ERR_VERSION_NEGOTIATION) {
    impl_->answerUnknownVersion(header, path);
    return;
  }
  if (rv != 0) return;  // not a QUIC packet we can read
  const std::string key = cidKey(header.dcid, header.dcidlen);
  if (auto it = impl_->byCid.find(key); it != impl_->byCid.end()) {
    Impl::Entry& entry = *it->second;
    if (entry.connection->closed()) return;
    entry.connection->receive(datagram, path, now);
    impl_->index(entry);
    return;
  }
  impl_->accept(datagram, key, path, now);
}

void QuicServerEndpoint::flush(QuicTime now,
                               const std::function<void(std::span<const std::uint8_t>, const QuicPath&)>& send) {
  for (const Impl::VersionNegotiation& answer : impl_->versionNegotiations) send(answer.datagram, answer.path);
  impl_->versionNegotiations.clear();
  for (Impl::Entry& entry : impl_->entries) {
    detail::ConnectionImpl& connection = *entry.connection;
    connection.flush(now, [&](std::span<const std::uint8_t> datagram) { send(datagram, connection.path()); });
    impl_->index(entry);
  }
  impl_->forgetFinished();
}

QuicTime QuicServerEndpoint::nextTimer() const {
  if (!impl_->versionNegotiations.empty()) return QuicTime{0};
  QuicTime next = QuicTime::max();
  for (const Impl::Entry& entry : impl_->entries) next = std::min(next, entry.connection->nextTimer());
  return next;
}

void QuicServerEndpoint::onTimer(QuicTime now) {
  for (Impl::Entry& entry : impl_->entries) {
    if (entry.connection->nextTimer() <= now) entry.connection->onTimer(now);
  }
  impl_->forgetFinished();
}

void QuicServerEndpoint::forEachConnection(const std::function<void(QuicConnection&)>& visit) {
  for (Impl::Entry& entry : impl_->entries) {
    if (!entry.connection->closed()) visit(*entry.connection);
  }
}

std::size_t QuicServerEndpoint::connections() const {
  return static_cast<std::size_t>(std::count_if(impl_->entries.begin(), impl_->entries.end(),
                                                [](const Impl::Entry& entry) { return !entry.connection->closed(); }));
}

}  // namespace headroom::net::quic
