#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace poc::test {

// A certificate with its private key, as a TLS test server presents it.
struct ServerIdentity {
    QList<QSslCertificate> chain; // leaf first
    QSslKey key;
};

// Certificates made with the `openssl` command line tool for the TLS tests. The test CA is
// valid for 10 days. It signs a leaf for 127.0.0.1 valid for 20 days, an expired leaf and a
// leaf for another host name. A self-signed certificate for 127.0.0.1 completes the set.
struct TestCertificates {
    QString caPath; // PEM file of the CA, for tls.ca_bundle
    QSslCertificate ca;
    ServerIdentity valid;
    ServerIdentity expired;
    ServerIdentity wrongHost;
    ServerIdentity selfSigned;
    QString error; // why the certificates could not be made; empty on success
};

// Writes the certificates into `folder`, which must exist.
TestCertificates makeTestCertificates(const QString &folder);

} // namespace poc::test
