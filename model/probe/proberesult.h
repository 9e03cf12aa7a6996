#pragma once

#include "probe/endpointstate.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace poc {

// The parts of an X.509 certificate the status board and `check` report.
struct CertificateInfo {
    QDateTime expiresAt; // notAfter, UTC
    QString subject;
    QString issuer;

    // Whole days from `now` until expiry; negative once expired.
    int daysLeft(const QDateTime &now) const;

    friend bool operator==(const CertificateInfo &, const CertificateInfo &) = default;
};

// One probe of one endpoint. Kept small because every endpoint keeps a history of them.
struct ProbeResult {
    QString endpoint; // EndpointConfig::name
    QUrl url;
    EndpointState state = EndpointState::NotConfigured;
    int httpStatus = 0;    // 0 when no HTTP status line was received
    qint64 latencyMs = 0;  // request start to the finished reply, followed redirects included
    QList<QUrl> redirectChain; // every redirect target seen, in order, followed or not
    QDateTime checkedAt;   // UTC
    QString error;         // user-facing sentence; empty for a healthy result
    std::optional<CertificateInfo> leafCertificate;
    std::optional<CertificateInfo> earliestExpiring; // of the whole peer chain
    QString signInHost;    // host of an identity-provider redirect, empty if none

    // Days until the earliest certificate of the chain expires; empty without TLS.
    std::optional<int> tlsDaysLeft() const;

    // The object `check --format json` prints for the endpoint:
    // name, url, state, http_status, latency_ms, tls_days_left, error, checked_at,
    // redirects, certificate, sign_in_host. Absent values are null.
    QJsonObject toJson() const;
};

} // namespace poc
