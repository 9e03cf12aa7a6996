#include "probe/proberesult.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

constexpr qint64 kSecondsPerDay = 24 * 60 * 60;

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QString rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonValue certificateJson(const ProbeResult &result)
{
    if (!result.leafCertificate || !result.earliestExpiring)
        return QJsonValue();

    return QJsonObject{
        {u"leaf_subject"_s, result.leafCertificate->subject},
        {u"leaf_issuer"_s, result.leafCertificate->issuer},
        {u"leaf_expires_at"_s, rfc3339(result.leafCertificate->expiresAt)},
        {u"earliest_subject"_s, result.earliestExpiring->subject},
        {u"earliest_expires_at"_s, rfc3339(result.earliestExpiring->expiresAt)},
    };
}

QJsonArray redirectsJson(const QList<QUrl> &chain)
{
    QJsonArray redirects;
    for (const QUrl &url : chain)
        redirects.append(url.toString());
    return redirects;
}

} // namespace

int CertificateInfo::daysLeft(const QDateTime &now) const
{
    const double days = double(now.secsTo(expiresAt)) / kSecondsPerDay;

    // Rounded down, so that a certificate that expired an hour ago has -1 days left.
    return int(std::floor(days));
}

std::optional<int> ProbeResult::tlsDaysLeft() const
{
    if (!earliestExpiring)
        return std::nullopt;
    return earliestExpiring->daysLeft(checkedAt);
}

QJsonObject ProbeResult::toJson() const
{
    const std::optional<int> daysLeft = tlsDaysLeft();

    return QJsonObject{
        {u"name"_s, endpoint},
        {u"url"_s, url.toString()},
        {u"state"_s, toString(state)},
        {u"http_status"_s, httpStatus > 0 ? QJsonValue(httpStatus) : QJsonValue()},
        {u"latency_ms"_s, latencyMs},
        {u"tls_days_left"_s, daysLeft ? QJsonValue(*daysLeft) : QJsonValue()},
        {u"error"_s, stringOrNull(error)},
        {u"checked_at"_s, rfc3339(checkedAt)},
        {u"redirects"_s, redirectsJson(redirectChain)},
        {u"certificate"_s, certificateJson(*this)},
        {u"sign_in_host"_s, stringOrNull(signInHost)},
    };
}

} // namespace poc
