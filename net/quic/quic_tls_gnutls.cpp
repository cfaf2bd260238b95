#include "net/quic/quic_tls_gnutls.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include <gnutls/crypto.h>
#include <gnutls/x509.h>
#include <ngtcp2/ngtcp2_crypto_gnutls.h>

#include "net/quic/quic_connection.h"

namespace headroom::net::quic {

namespace detail {

namespace {

// TLS 1.3 only, AEADs QUIC allows, common groups; no middlebox compatibility mode (RFC 9001 8.4).
constexpr const char* kPriority =
    "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+AES-128-GCM:+AES-256-GCM:+CHACHA20-POLY1305:+AES-128-CCM:"
    "-GROUP-ALL:+GROUP-X25519:+GROUP-SECP256R1:+GROUP-SECP384R1:%DISABLE_TLS13_COMPAT_MODE";

std::string readFile(const std::filesystem::path& file, std::string_view what) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw std::runtime_error(std::string(what) + " " + file.string() + ": cannot be read (" + std::strerror(errno) +
                             ")");
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

gnutls_datum_t datumOf(std::string& bytes) {
  return gnutls_datum_t{reinterpret_cast<unsigned char*>(bytes.data()), static_cast<unsigned int>(bytes.size())};
}

TlsSessionLink& linkOf(gnutls_session_t session) {
  auto* ref = static_cast<ngtcp2_crypto_conn_ref*>(gnutls_session_get_ptr(session));
  return *static_cast<TlsSessionLink*>(ref->user_data);
}

ngtcp2_conn* connOf(ngtcp2_crypto_conn_ref* ref) { return static_cast<TlsSessionLink*>(ref->user_data)->conn; }

bool alpnIsOurs(gnutls_session_t session) {
  gnutls_datum_t selected{};
  if (gnutls_alpn_get_selected_protocol(session, &selected) != 0) return false;
  return std::string_view(reinterpret_cast<const char*>(selected.data), selected.size) == kHeadroomAlpn;
}

gnutls_datum_t ourAlpn() {
  return gnutls_datum_t{reinterpret_cast<unsigned char*>(const_cast<char*>(kHeadroomAlpn.data())),
                        static_cast<unsigned int>(kHeadroomAlpn.size())};
}

// Client: runs when the server's Certificate arrives (after EncryptedExtensions, so ALPN is known).
// Non-zero fails the handshake; the reason stays in the session link for onClosed.
int verifyServer(gnutls_session_t session) {
  TlsSessionLink& link = linkOf(session);
  if (!alpnIsOurs(session)) {
    link.failure = "the server did not agree to ALPN " + std::string(kHeadroomAlpn);
    return -1;
  }
  unsigned int count = 0;
  const gnutls_datum_t* peers = gnutls_certificate_get_peers(session, &count);
  if (peers == nullptr || count == 0) {
    link.failure = "the server presented no certificate";
    return -1;
  }
  const std::string got = sha256Hex(peers[0].data, peers[0].size);
  if (got != link.pinnedSha256) {
    link.failure = "certificate not the pinned one (expected sha256 " + link.pinnedSha256 + ", got " + got + ")";
    return -1;
  }
  return 0;
}

// Server: refuses a client that offers no ALPN or not ours.
int checkClientHello(gnutls_session_t session, unsigned int, unsigned int, unsigned int, const gnutls_datum_t*) {
  if (alpnIsOurs(session)) return 0;
  linkOf(session).failure = "the client did not offer ALPN " + std::string(kHeadroomAlpn);
  return GNUTLS_E_NO_APPLICATION_PROTOCOL;
}

void check(int rv, std::string_view what) {
  if (rv < 0) throw std::runtime_error(std::string(what) + ": " + gnutls_strerror(rv));
}

}  // namespace

std::string sha256Hex(const unsigned char* data, std::size_t size) {
  unsigned char digest[32];
  if (gnutls_hash_fast(GNUTLS_DIG_SHA256, data, size, digest) != 0) return {};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(64);
  for (unsigned char byte : digest) {
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 0xF]);
  }
  return hex;
}

TlsServerCredentials::TlsServerCredentials(const std::filesystem::path& certificate, const std::filesystem::path& key) {
  std::string certificatePem = readFile(certificate, "QUIC certificate");
  std::string keyPem = readFile(key, "QUIC key");

  gnutls_datum_t certificateDatum = datumOf(certificatePem);
  gnutls_x509_crt_t* certificates = nullptr;
  unsigned int count = 0;
  if (const int rv = gnutls_x509_crt_list_import2(&certificates, &count, &certificateDatum, GNUTLS_X509_FMT_PEM, 0);
      rv < 0 || count == 0) {
    throw std::runtime_error("QUIC certificate " + certificate.string() + ": not a PEM certificate (" +
                             (rv < 0 ? gnutls_strerror(rv) : "no certificate in it") + ")");
  }
  auto freeCertificates = [&] {
    for (unsigned int i = 0; i < count; ++i) gnutls_x509_crt_deinit(certificates[i]);
    gnutls_free(certificates);
  };

  gnutls_x509_privkey_t privateKey = nullptr;
  gnutls_x509_privkey_init(&privateKey);
  gnutls_datum_t keyDatum = datumOf(keyPem);
  if (const int rv = gnutls_x509_privkey_import2(privateKey, &keyDatum, GNUTLS_X509_FMT_PEM, nullptr, 0); rv < 0) {
    gnutls_x509_privkey_deinit(privateKey);
    freeCertificates();
    throw std::runtime_error("QUIC key " + key.string() + ": not a PEM private key (" + gnutls_strerror(rv) + ")");
  }

  gnutls_certificate_allocate_credentials(&credentials_);
  const int rv = gnutls_certificate_set_x509_key(credentials_, certificates, count, privateKey);
  gnutls_x509_privkey_deinit(privateKey);
  freeCertificates();
  if (rv < 0) {
    gnutls_certificate_free_credentials(credentials_);
    throw std::runtime_error("QUIC certificate " + certificate.string() + " and key " + key.string() +
                             " do not belong together (" + gnutls_strerror(rv) + ")");
  }
}

TlsServerCredentials::~TlsServerCredentials() { gnutls_certificate_free_credentials(credentials_); }

std::unique_ptr<TlsSession> TlsSession::client(std::string_view serverName, TlsSessionLink& link) {
  std::unique_ptr<TlsSession> tls(new TlsSession());
  link.connRef.get_conn = connOf;
  link.connRef.user_data = &link;
  check(gnutls_certificate_allocate_credentials(&tls->ownCredentials_), "gnutls_certificate_allocate_credentials");
  gnutls_certificate_set_verify_function(tls->ownCredentials_, verifyServer);
  check(gnutls_init(&tls->session_, GNUTLS_CLIENT | GNUTLS_NO_END_OF_EARLY_DATA), "gnutls_init");
  check(gnutls_priority_set_direct(tls->session_, kPriority, nullptr), "gnutls_priority_set_direct");
  if (ngtcp2_crypto_gnutls_configure_client_session(tls->session_) != 0) {
    throw std::runtime_error("ngtcp2_crypto_gnutls_configure_client_session failed");
  }
  gnutls_session_set_ptr(tls->session_, &link.connRef);
  check(gnutls_credentials_set(tls->session_, GNUTLS_CRD_CERTIFICATE, tls->ownCredentials_), "gnutls_credentials_set");
  gnutls_datum_t alpn = ourAlpn();
  check(gnutls_alpn_set_protocols(tls->session_, &alpn, 1, GNUTLS_ALPN_MANDATORY), "gnutls_alpn_set_protocols");
  if (!serverName.empty()) {
    check(gnutls_server_name_set(tls->session_, GNUTLS_NAME_DNS, serverName.data(), serverName.size()),
          "gnutls_server_name_set");
  }
  return tls;
}

std::unique_ptr<TlsSession> TlsSession::server(const TlsServerCredentials& credentials, TlsSessionLink& link) {
  std::unique_ptr<TlsSession> tls(new TlsSession());
  link.connRef.get_conn = connOf;
  link.connRef.user_data = &link;
  check(gnutls_init(&tls->session_, GNUTLS_SERVER | GNUTLS_NO_AUTO_SEND_TICKET | GNUTLS_NO_END_OF_EARLY_DATA),
        "gnutls_init");
  check(gnutls_priority_set_direct(tls->session_, kPriority, nullptr), "gnutls_priority_set_direct");
  gnutls_handshake_set_hook_function(tls->session_, GNUTLS_HANDSHAKE_CLIENT_HELLO, GNUTLS_HOOK_POST,
                                     checkClientHello);
  if (ngtcp2_crypto_gnutls_configure_server_session(tls->session_) != 0) {
    throw std::runtime_error("ngtcp2_crypto_gnutls_configure_server_session failed");
  }
  gnutls_session_set_ptr(tls->session_, &link.connRef);
  check(gnutls_credentials_set(tls->session_, GNUTLS_CRD_CERTIFICATE, credentials.get()), "gnutls_credentials_set");
  gnutls_datum_t alpn = ourAlpn();
  check(gnutls_alpn_set_protocols(tls->session_, &alpn, 1, GNUTLS_ALPN_MANDATORY | GNUTLS_ALPN_SERVER_PRECEDENCE),
        "gnutls_alpn_set_protocols");
  return tls;
}

TlsSession::~TlsSession() {
  if (session_ != nullptr) gnutls_deinit(session_);
  if (ownCredentials_ != nullptr) gnutls_certificate_free_credentials(ownCredentials_);
}

}  // namespace detail

std::string certificateSha256(const std::filesystem::path& pemFile) {
  std::ifstream in(pemFile, std::ios::binary);
  if (!in) {
    throw std::runtime_error("pinned certificate " + pemFile.string() + ": cannot be read (" + std::strerror(errno) +
                             ")");
  }
  std::string pem((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  gnutls_datum_t datum{reinterpret_cast<unsigned char*>(pem.data()), static_cast<unsigned int>(pem.size())};
  gnutls_x509_crt_t certificate = nullptr;
  gnutls_x509_crt_init(&certificate);
  if (const int rv = gnutls_x509_crt_import(certificate, &datum, GNUTLS_X509_FMT_PEM); rv < 0) {
    gnutls_x509_crt_deinit(certificate);
    throw std::runtime_error("pinned certificate " + pemFile.string() + ": not a PEM certificate (" +
                             gnutls_strerror(rv) + ")");
  }
  gnutls_datum_t der{};
  const int rv = gnutls_x509_crt_export2(certificate, GNUTLS_X509_FMT_DER, &der);
  gnutls_x509_crt_deinit(certificate);
  if (rv < 0) {
    throw std::runtime_error("pinned certificate " + pemFile.string() + ": " + gnutls_strerror(rv));
  }
  std::string hex = detail::sha256Hex(der.data, der.size);
  gnutls_free(der.data);
  return hex;
}

}  // namespace headroom::net::quic
