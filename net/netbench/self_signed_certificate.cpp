#include "net/netbench/self_signed_certificate.h"

#include <cstdio>
#include <memory>
#include <stdexcept>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace headroom::net::netbench {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
void freeBio(BIO* bio) { BIO_free(bio); }
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, freeBio>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("self-signed certificate: ") + what + " failed");
}

}  // namespace

CertificateFiles writeSelfSignedCertificate(const std::filesystem::path& folder, const std::string& commonName) {
  PkeyPtr key(EVP_EC_gen("P-256"));
  check(key != nullptr, "generating a P-256 key");
  X509Ptr certificate(X509_new());
  check(certificate != nullptr, "allocating the certificate");
  check(X509_set_version(certificate.get(), 2) == 1, "setting the version");
  check(ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), 1) == 1, "setting the serial number");
  X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 24 * 3600);
  X509_NAME* name = X509_get_subject_name(certificate.get());
  check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(commonName.c_str()),
                                   -1, -1, 0) == 1,
        "setting the common name");
  check(X509_set_issuer_name(certificate.get(), name) == 1, "setting the issuer");
  check(X509_set_pubkey(certificate.get(), key.get()) == 1, "setting the public key");
  const std::string altName = "DNS:" + commonName;
  ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, nullptr, NID_subject_alt_name, altName.c_str()));
  check(extension != nullptr && X509_add_ext(certificate.get(), extension.get(), -1) == 1, "adding the subject alternative name");
  check(X509_sign(certificate.get(), key.get(), EVP_sha256()) > 0, "signing");

  std::filesystem::create_directories(folder);
  CertificateFiles files{folder / "certificate.pem", folder / "key.pem"};
  {
    BioPtr out(BIO_new_file(files.certificate.c_str(), "w"));
    if (!out || PEM_write_bio_X509(out.get(), certificate.get()) != 1) {
      throw std::runtime_error("cannot write " + files.certificate.string());
    }
  }
  {
    BioPtr out(BIO_new_file(files.key.c_str(), "w"));
    if (!out || PEM_write_bio_PrivateKey(out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
      throw std::runtime_error("cannot write " + files.key.string());
    }
  }
  std::filesystem::permissions(files.key, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  return files;
}

}  // namespace headroom::net::netbench
