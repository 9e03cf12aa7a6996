#include "observability/kibanaparser.h"

#include "observability/httpfetcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

constexpr int kMaxShardFailuresShown = 3;

QString snippet(const QByteArray &body)
{
    return QString::fromUtf8(body.left(300)).simplified();
}

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

bool looksLikeHtml(const QByteArray &contentType, const QByteArray &body)
{
    return contentType.toLower().contains("text/html") || body.trimmed().startsWith('<');
}

bool looksLikeSignIn(int status, const QByteArray &body)
{
    const QByteArray lower = body.left(64 * 1024).toLower();
    return isSuccess(status) || status == 401 || status == 403 || lower.contains("login")
        || lower.contains("sign in") || lower.contains("password");
}

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Bool: return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts.append(valueText(item));
        return parts.join(u", "_s);
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QDateTime parseTimestamp(const QJsonValue &value)
{
    if (value.isDouble())
        return QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC);

    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

KibanaResult failed(KibanaResult result, FetchState state, const QString &message, const QString &detail)
{
    result.state = state;
    result.message = message;
    result.detail = detail;
    return result;
}

QString where(const KibanaResult &result)
{
    return u"index %1 at %2"_s.arg(result.index, result.url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
}

// "type: reason" of an Elasticsearch error body, or Kibana's own {"statusCode", "error", "message"}.
QString errorText(const QJsonObject &document)
{
    const QJsonValue error = document.value(u"error"_s);
    if (error.isString())
        return document.contains(u"message"_s) ? error.toString() + u": "_s + document.value(u"message"_s).toString()
                                               : error.toString();

    const QJsonObject object = error.toObject();
    const QJsonArray causes = object.value(u"root_cause"_s).toArray();
    const QJsonObject cause = causes.isEmpty() ? object : causes.first().toObject();
    return cause.value(u"type"_s).toString() + u": "_s + cause.value(u"reason"_s).toString();
}

QString errorDetail(const QJsonObject &document)
{
    const QJsonObject error = document.value(u"error"_s).toObject();
    QStringList parts{u"type=%1"_s.arg(error.value(u"type"_s).toString())};
    parts.append(u"reason=%1"_s.arg(error.value(u"reason"_s).toString()));
    for (const QJsonValue &cause : error.value(u"root_cause"_s).toArray())
        parts.append(u"root_cause: %1: %2"_s.arg(cause[u"type"_s].toString(), cause[u"reason"_s].toString()));
    if (document.contains(u"status"_s))
        parts.append(u"status=%1"_s.arg(document.value(u"status"_s).toInt()));
    return parts.join(u"; "_s);
}

KibanaResult fromRedirect(KibanaResult result, const FetchOutcome &reply)
{
    const QString message = u"The search on %1 was redirected to %2, which is most likely a sign-in page. "
                            "Configure kibana.auth with an API key, or use a URL that does not need a browser sign-in."_s
                                .arg(where(result), reply.redirectTarget.toDisplayString(QUrl::RemoveQuery));
    return failed(std::move(result), FetchState::AuthRequired, message, u"HTTP %1"_s.arg(reply.httpStatus));
}

KibanaResult fromHtml(KibanaResult result, const FetchOutcome &reply)
{
    if (looksLikeSignIn(reply.httpStatus, reply.body)) {
        const QString message = u"%1 returned an HTML page instead of search results, most likely a sign-in page. "
                                "Configure kibana.auth with an API key or credentials that this server accepts."_s
                                    .arg(where(result));
        return failed(std::move(result), FetchState::AuthRequired, message, snippet(reply.body));
    }
    const QString message = u"%1 returned an HTML page (HTTP %2) instead of search results. Check kibana.url and kibana.mode."_s
                                .arg(where(result)).arg(reply.httpStatus);
    return failed(std::move(result), FetchState::HttpError, message, snippet(reply.body));
}

KibanaResult fromAuthFailure(KibanaResult result, const FetchOutcome &reply, const QJsonObject &document)
{
    const QString reason = document.isEmpty() ? snippet(reply.body) : errorText(document);
    const QString message = u"Access to %1 was denied (HTTP %2). Check kibana.auth, kibana.username and the "
                            "keychain entry named by kibana.secret; an API key needs read access to the index."_s
                                .arg(where(result)).arg(reply.httpStatus);
    return failed(std::move(result), FetchState::AuthRequired, message, reason);
}

KibanaResult fromErrorBody(KibanaResult result, const FetchOutcome &reply, const QJsonObject &document)
{
    const QString message = u"Elasticsearch rejected the search on %1 (HTTP %2): %3. Check the query syntax and the index pattern."_s
                                .arg(where(result)).arg(reply.httpStatus).arg(errorText(document));
    return failed(std::move(result), FetchState::QueryError, message, errorDetail(document));
}

void readTotal(KibanaResult &result, const QJsonObject &hits)
{
    const QJsonValue total = hits.value(u"total"_s);
    if (total.isDouble()) {
        // Elasticsearch 6.x, and 7.x with rest_total_hits_as_int: a plain exact number.
        result.totalHits = qint64(total.toDouble());
        return;
    }
    const QJsonObject object = total.toObject();
    result.totalHits = qint64(object.value(u"value"_s).toDouble());
    result.totalIsLowerBound = object.value(u"relation"_s).toString() == u"gte"_s;
}

void readHistogram(KibanaResult &result, const QJsonObject &document)
{
    const QJsonArray buckets = document[u"aggregations"_s][u"per_minute"_s][u"buckets"_s].toArray();
    result.histogram.reserve(buckets.size());
    for (const QJsonValue &bucket : buckets) {
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(qint64(bucket[u"key"_s].toDouble()), Qt::UTC);
        result.histogram.append({start, qint64(bucket[u"doc_count"_s].toDouble())});
    }
}

KibanaLine readLine(const QJsonObject &source, const QStringList &fields, const QString &timeField)
{
    KibanaLine line;
    line.timestamp = parseTimestamp(lookupSourceField(source, timeField));
    line.message = valueText(lookupSourceField(source, u"message"_s));
    for (const QString &field : fields) {
        const QJsonValue value = lookupSourceField(source, field);
        if (!value.isUndefined() && !value.isNull())
            line.fields.append({field, valueText(value)});
    }
    return line;
}

void readLines(KibanaResult &result, const QJsonObject &hits, const QStringList &fields, const QString &timeField)
{
    const QJsonArray documents = hits.value(u"hits"_s).toArray();
    result.lines.reserve(documents.size());
    for (const QJsonValue &document : documents)
        result.lines.append(readLine(document[u"_source"_s].toObject(), fields, timeField));
}

void readLastOccurrence(KibanaResult &result)
{
    if (!result.lines.isEmpty() && result.lines.first().timestamp.isValid()) {
        result.lastOccurrence = result.lines.first().timestamp;
        return;
    }
    for (auto bucket = result.histogram.crbegin(); bucket != result.histogram.crend(); ++bucket) {
        if (bucket->count > 0) {
            result.lastOccurrence = bucket->start;
            return;
        }
    }
}

void readWarnings(KibanaResult &result, const QJsonObject &document)
{
    if (document.value(u"timed_out"_s).toBool())
        result.warnings.append(u"Elasticsearch timed out before every shard answered, so counts and lines may be incomplete."_s);

    const QJsonObject shards = document.value(u"_shards"_s).toObject();
    const int failedShards = shards.value(u"failed"_s).toInt();
    if (failedShards <= 0)
        return;

    QStringList reasons;
    for (const QJsonValue &failure : shards.value(u"failures"_s).toArray()) {
        if (reasons.size() == kMaxShardFailuresShown)
            break;
        const QJsonObject reason = failure[u"reason"_s].toObject();
        reasons.append(u"%1 (%2: %3)"_s.arg(failure[u"index"_s].toString(), reason[u"type"_s].toString(), reason[u"reason"_s].toString()));
    }
    result.warnings.append(u"%1 of %2 shards failed, so counts and lines may be incomplete: %3"_s
                               .arg(failedShards).arg(shards.value(u"total"_s).toInt()).arg(reasons.join(u"; "_s)));
}

KibanaResult fromSearchBody(KibanaResult result, const QJsonObject &document, const QStringList &fields, const QString &timeField)
{
    const QJsonValue hits = document.value(u"hits"_s);
    if (!hits.isObject()) {
        const QString message = u"%1 returned no \"hits\" object, so the body is not an Elasticsearch search response. "
                                "Check kibana.url and kibana.mode."_s.arg(where(result));
        return failed(std::move(result), FetchState::InvalidResponse, message, {});
    }

    readTotal(result, hits.toObject());
    readHistogram(result, document);
    readLines(result, hits.toObject(), fields, timeField);
    readLastOccurrence(result);
    readWarnings(result, document);
    result.state = result.warnings.isEmpty() ? FetchState::Ok : FetchState::Partial;
    return result;
}

} // namespace

QJsonValue lookupSourceField(const QJsonObject &source, const QString &path)
{
    if (source.contains(path))
        return source.value(path);

    // Try every split point, so "a.b.c" finds {"a": {"b.c": ...}} as well as {"a.b": {"c": ...}}.
    for (qsizetype dot = path.indexOf(u'.'); dot > 0; dot = path.indexOf(u'.', dot + 1)) {
        const QJsonValue head = source.value(path.left(dot));
        if (!head.isObject())
            continue;
        const QJsonValue found = lookupSourceField(head.toObject(), path.mid(dot + 1));
        if (!found.isUndefined())
            return found;
    }
    return QJsonValue(QJsonValue::Undefined);
}

KibanaResult parseKibanaReply(KibanaResult result, const FetchOutcome &reply, const QStringList &fields, const QString &timeField)
{
    result.httpStatus = reply.httpStatus;
    if (reply.state != FetchState::Ok)
        return failed(std::move(result), reply.state, reply.message, reply.detail);
    if (reply.httpStatus >= 300 && reply.httpStatus < 400)
        return fromRedirect(std::move(result), reply);
    if (looksLikeHtml(reply.contentType, reply.body))
        return fromHtml(std::move(result), reply);

    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(reply.body, &parseError);
    const QJsonObject document = json.object();
    if (reply.httpStatus == 401 || reply.httpStatus == 403)
        return fromAuthFailure(std::move(result), reply, document);
    if (document.contains(u"error"_s))
        return fromErrorBody(std::move(result), reply, document);

    if (!isSuccess(reply.httpStatus)) {
        const QString message = u"%1 returned HTTP %2. Check that Elasticsearch is healthy and that kibana.url is right."_s
                                    .arg(where(result)).arg(reply.httpStatus);
        return failed(std::move(result), FetchState::HttpError, message, snippet(reply.body));
    }
    if (parseError.error != QJsonParseError::NoError || !json.isObject()) {
        const QString message = u"%1 returned a body that is not valid JSON (%2 at byte %3). Check kibana.url and kibana.mode."_s
                                    .arg(where(result), parseError.errorString()).arg(parseError.offset);
        return failed(std::move(result), FetchState::InvalidResponse, message, snippet(reply.body));
    }
    return fromSearchBody(std::move(result), document, fields, timeField);
}

} // namespace poc
