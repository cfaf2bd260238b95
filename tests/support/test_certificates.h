#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace headroom::test {

// A self-signed certificate and its key (PEM files) made by openssl in `dir`, for TLS and QUIC tests.
struct TestCertificate {
  QString certificate;
  QString key;
  QString error;  // empty when both files were made
};

// An EC P-256 pair named <name>.cert.pem / <name>.key.pem, valid for a day, CN and SAN `commonName`.
inline TestCertificate makeTestCertificate(const QTemporaryDir& dir, const QString& name,
                                           const QString& commonName = QStringLiteral("localhost")) {
  TestCertificate made{dir.filePath(name + ".cert.pem"), dir.filePath(name + ".key.pem"), {}};
  QProcess openssl;
  openssl.setProcessChannelMode(QProcess::MergedChannels);
  openssl.start(QStringLiteral("openssl"),
                {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                 "-subj", "/CN=" + commonName, "-addext", "subjectAltName=DNS:" + commonName, "-keyout", made.key,
                 "-out", made.certificate});
  if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
    made.error = QStringLiteral("openssl could not make a certificate: ") + openssl.errorString() + " " +
                 QString::fromLocal8Bit(openssl.readAll());
  }
  return made;
}

}  // namespace headroom::test
