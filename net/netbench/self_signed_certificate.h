#pragma once

#include <filesystem>
#include <string>

namespace headroom::net::netbench {

// A throwaway TLS identity for a benchmark's server: a P-256 key and a self-signed certificate for
// `commonName` (also its DNS subject alternative name), valid for a day, written as PEM into `folder`
// (certificate.pem, key.pem; the key readable by the owner only). The client pins the certificate, so no
// CA is involved. Throws std::runtime_error naming what failed.
struct CertificateFiles {
  std::filesystem::path certificate;
  std::filesystem::path key;
};
CertificateFiles writeSelfSignedCertificate(const std::filesystem::path& folder, const std::string& commonName);

}  // namespace headroom::net::netbench
