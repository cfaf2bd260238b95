#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <gnutls/gnutls.h>
#include <ngtcp2/ngtcp2_crypto.h>

namespace headroom::net::quic::detail {

// The TLS 1.3 side of a QUIC connection on GnuTLS: credentials, the session ngtcp2's crypto helpers
// drive, ALPN kHeadroomAlpn required on both ends, and the client's pin of the server certificate (no CA
// is trusted). Internal to net/quic.

// What a session's GnuTLS callbacks reach: the connection (for ngtcp2's crypto helpers, through the
// ngtcp2_crypto_conn_ref set as the session pointer) and the outcome of the client's peer check. Owned
// by the connection, at a stable address, for as long as the session lives.
struct TlsSessionLink {
  ngtcp2_crypto_conn_ref connRef{};
  ngtcp2_conn* conn = nullptr;
  std::string pinnedSha256;  // client: the server certificate's SHA-256 it must present (lower-case hex)
  std::string failure;       // set when the peer was refused, e.g. "certificate not the pinned one (...)"
};

// A server's certificate chain and key (PEM), shared by all its connections. Throws std::runtime_error
// naming the file when one does not load or the two do not belong together.
class TlsServerCredentials {
 public:
  TlsServerCredentials(const std::filesystem::path& certificate, const std::filesystem::path& key);
  ~TlsServerCredentials();
  TlsServerCredentials(const TlsServerCredentials&) = delete;
  TlsServerCredentials& operator=(const TlsServerCredentials&) = delete;
  gnutls_certificate_credentials_t get() const { return credentials_; }

 private:
  gnutls_certificate_credentials_t credentials_ = nullptr;
};

// One GnuTLS session configured for QUIC (TLS 1.3 only, ALPN required). Owns the session.
class TlsSession {
 public:
  // Client: SNI `serverName`; the server's leaf certificate must hash to link.pinnedSha256.
  static std::unique_ptr<TlsSession> client(std::string_view serverName, TlsSessionLink& link);
  static std::unique_ptr<TlsSession> server(const TlsServerCredentials& credentials, TlsSessionLink& link);
  ~TlsSession();
  TlsSession(const TlsSession&) = delete;
  TlsSession& operator=(const TlsSession&) = delete;
  gnutls_session_t get() const { return session_; }

 private:
  TlsSession() = default;
  gnutls_session_t session_ = nullptr;
  gnutls_certificate_credentials_t ownCredentials_ = nullptr;  // client: empty credentials with the pin hook
};

// SHA-256 of DER bytes, lower-case hex.
std::string sha256Hex(const unsigned char* data, std::size_t size);

}  // namespace headroom::net::quic::detail
