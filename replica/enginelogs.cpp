#include "enginelogs.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonValue>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace poc::replica {

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHealthPeriodMs = 30'000;

LogFields engineFields(const QString &message, const QString &requestPath, const QString &stream)
{
    return {
        {u"message"_s, message},
        {u"stream"_s, stream},
        {u"kubernetes.namespace_name"_s, u"arcade"_s},
        {u"kubernetes.pod_name"_s, u"arcade-engine-6f8b9c7d5-q4z2x"_s},
        {u"kubernetes.container_name"_s, u"engine"_s},
        {u"NetCore.RequestPath"_s, requestPath},
    };
}

LogStream exportFailureStream()
{
    // NOTE: every replica line carries NetCore.RequestPath so that the dashboard's field
    // columns are filled; whether the Engine's exporter lines carry it is not recorded.
    return {u"export-failure"_s, kMinuteMs, 7'000, engineFields(exportFailureMessage(), u"/v1/health"_s, u"stderr"_s)};
}

LogStream healthRequestStream()
{
    const QString message = u"Request finished HTTP/1.1 GET http://arcade-engine:9099/v1/health - 200 - application/json 0.4821ms"_s;
    return {u"health-request"_s, kHealthPeriodMs, 15'000, engineFields(message, u"/v1/health"_s, u"stdout"_s)};
}

// The first line time at or after `fromMs`.
qint64 firstLineAtOrAfter(const LogStream &stream, qint64 fromMs)
{
    const qint64 offset = fromMs - stream.phaseMs;
    const qint64 periods = offset >= 0 ? (offset + stream.periodMs - 1) / stream.periodMs : -((-offset) / stream.periodMs);
    return stream.phaseMs + periods * stream.periodMs;
}

// The last line time at or before `toMs`.
qint64 lastLineAtOrBefore(const LogStream &stream, qint64 toMs)
{
    const qint64 offset = toMs - stream.phaseMs;
    const qint64 periods = offset >= 0 ? offset / stream.periodMs : -((-offset + stream.periodMs - 1) / stream.periodMs);
    return stream.phaseMs + periods * stream.periodMs;
}

QByteArray lineDigest(const LogStream &stream, qint64 timestampMs)
{
    const QByteArray seed = stream.kind.toUtf8() + '@' + QByteArray::number(timestampMs);
    return QCryptographicHash::hash(seed, QCryptographicHash::Sha1).toHex();
}

void insertDotted(QJsonObject &root, const QString &dottedName, const QString &value)
{
    const qsizetype dot = dottedName.indexOf(u'.');
    if (dot < 0) {
        root.insert(dottedName, value);
        return;
    }

    const QString head = dottedName.left(dot);
    QJsonObject child = root.value(head).toObject();
    insertDotted(child, dottedName.mid(dot + 1), value);
    root.insert(head, child);
}

} // namespace

QString exportFailureMessage()
{
    return uR"(failed to upload metrics: Post "http://arcade-otel-collector:4318/v1/metrics": dial tcp: lookup arcade-otel-collector on 10.0.0.10:53: no such host)"_s;
}

QList<LogStream> engineLogStreams(bool fixedData)
{
    if (fixedData)
        return {healthRequestStream()};
    return {exportFailureStream(), healthRequestStream()};
}

qint64 countLines(const LogStream &stream, qint64 fromMs, qint64 toMs)
{
    const qint64 first = firstLineAtOrAfter(stream, fromMs);
    const qint64 last = lastLineAtOrBefore(stream, toMs);
    return last < first ? 0 : (last - first) / stream.periodMs + 1;
}

QList<qint64> lineTimes(const LogStream &stream, qint64 fromMs, qint64 toMs, qsizetype limit, bool ascending)
{
    const qint64 count = std::min<qint64>(countLines(stream, fromMs, toMs), limit);
    const qint64 start = ascending ? firstLineAtOrAfter(stream, fromMs) : lastLineAtOrBefore(stream, toMs);
    const qint64 step = ascending ? stream.periodMs : -stream.periodMs;

    QList<qint64> times;
    times.reserve(count);
    for (qint64 i = 0; i < count; ++i)
        times.append(start + i * step);
    return times;
}

QJsonObject logSource(const LogStream &stream, qint64 timestampMs)
{
    QJsonObject source{{u"@timestamp"_s, formatEsDate(timestampMs)}};
    for (auto it = stream.fields.cbegin(); it != stream.fields.cend(); ++it)
        insertDotted(source, it.key(), it.value());

    const QByteArray digest = lineDigest(stream, timestampMs);
    insertDotted(source, u"Tracing.TraceId"_s, QString::fromLatin1(digest.left(32)));
    const QByteArray uuid = digest.mid(8, 32);
    const QString correlation = QString::fromLatin1(uuid.left(8) + '-' + uuid.mid(8, 4) + '-' + uuid.mid(12, 4) + '-'
                                                    + uuid.mid(16, 4) + '-' + uuid.mid(20, 12));
    insertDotted(source, u"ContextInfo.CorrelationId"_s, correlation);
    return source;
}

QString logDocumentId(const LogStream &stream, qint64 timestampMs)
{
    return QString::fromLatin1(QByteArray::fromHex(lineDigest(stream, timestampMs).left(30)).toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString logIndexName(qint64 timestampMs)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(timestampMs, Qt::UTC).date();
    return u".ds-logs-arcade-default-"_s + day.toString(u"yyyy.MM.dd"_s) + u"-000001"_s;
}

QString formatEsDate(qint64 timestampMs)
{
    return QDateTime::fromMSecsSinceEpoch(timestampMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace poc::replica
