#include "observability/mimirparser.h"

#include "observability/httpfetcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QString snippet(const QByteArray &body)
{
    return QString::fromUtf8(body.left(300)).simplified();
}

MimirResult failed(MimirResult result, FetchState state, const QString &message, const QString &detail)
{
    result.state = state;
    result.message = message;
    result.detail = detail;
    return result;
}

QString where(const MimirResult &result)
{
    return result.url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
}

double parseValue(const QString &text)
{
    // Prometheus writes sample values as strings, with these spellings for the special values.
    if (text == u"NaN"_s)
        return std::numeric_limits<double>::quiet_NaN();
    if (text == u"+Inf"_s)
        return std::numeric_limits<double>::infinity();
    if (text == u"-Inf"_s)
        return -std::numeric_limits<double>::infinity();
    return text.toDouble();
}

// A [<unix seconds>, "<value>"] pair.
MimirSample parseSample(const QJsonValue &pair)
{
    const QJsonArray array = pair.toArray();
    return {qint64(array.at(0).toDouble() * 1000.0), parseValue(array.at(1).toString())};
}

QList<QPair<QString, QString>> parseLabels(const QJsonObject &metric)
{
    QList<QPair<QString, QString>> labels;
    for (auto it = metric.begin(); it != metric.end(); ++it)
        labels.append({it.key(), it.value().toString()});
    std::sort(labels.begin(), labels.end());
    return labels;
}

MimirSeries parseSeries(const QJsonObject &item)
{
    MimirSeries series;
    series.labels = parseLabels(item.value(u"metric"_s).toObject());
    if (item.contains(u"value"_s))
        series.samples.append(parseSample(item.value(u"value"_s)));
    for (const QJsonValue &pair : item.value(u"values"_s).toArray())
        series.samples.append(parseSample(pair));
    return series;
}

MimirResultType typeOf(const QString &name)
{
    if (name == u"vector"_s) return MimirResultType::Vector;
    if (name == u"matrix"_s) return MimirResultType::Matrix;
    if (name == u"scalar"_s) return MimirResultType::Scalar;
    if (name == u"string"_s) return MimirResultType::String;
    return MimirResultType::None;
}

void readData(MimirResult &result, const QJsonValue &data)
{
    if (result.kind == MimirQueryKind::Series) {
        result.resultType = MimirResultType::Series;
        for (const QJsonValue &labels : data.toArray())
            result.series.append({parseLabels(labels.toObject()), {}});
        return;
    }

    result.resultType = typeOf(data[u"resultType"_s].toString());
    const QJsonValue payload = data[u"result"_s];
    if (result.resultType == MimirResultType::Scalar) {
        result.scalar = parseSample(payload);
        return;
    }
    for (const QJsonValue &item : payload.toArray())
        result.series.append(parseSeries(item.toObject()));
}

MimirResult fromAuthFailure(MimirResult result, const FetchOutcome &reply, const QString &tenant)
{
    if (reply.httpStatus == 401 && reply.body.toLower().contains("no org id")) {
        const QString message = u"Mimir at %1 returned 401 \"no org id\": tenant header missing or rejected "
                                "(X-Scope-OrgID: %2). Check mimir.tenant and any proxy that strips the header."_s
                                    .arg(where(result), tenant);
        return failed(std::move(result), FetchState::TenantRejected, message, snippet(reply.body));
    }
    const QString message = u"Access to %1 was denied (HTTP %2). Check mimir.auth, mimir.username and the "
                            "keychain entry named by mimir.secret."_s.arg(where(result)).arg(reply.httpStatus);
    return failed(std::move(result), FetchState::AuthRequired, message, snippet(reply.body));
}

MimirResult fromHtml(MimirResult result, const FetchOutcome &reply)
{
    const bool success = reply.httpStatus >= 200 && reply.httpStatus < 300;
    const FetchState state = success ? FetchState::AuthRequired : FetchState::HttpError;
    const QString message = success
        ? u"%1 returned an HTML page instead of a Prometheus API response, most likely a sign-in page. "
          "Configure mimir.auth, or point mimir.url at the API (for Mimir, its /prometheus prefix)."_s.arg(where(result))
        : u"%1 returned an HTML page (HTTP %2) instead of a Prometheus API response. Check mimir.url."_s
              .arg(where(result)).arg(reply.httpStatus);
    return failed(std::move(result), state, message, snippet(reply.body));
}

MimirResult fromDocument(MimirResult result, const FetchOutcome &reply, const QJsonObject &document)
{
    for (const QJsonValue &warning : document.value(u"warnings"_s).toArray())
        result.warnings.append(warning.toString());

    const QString status = document.value(u"status"_s).toString();
    if (status == u"error"_s) {
        const QString error = document.value(u"errorType"_s).toString() + u": "_s + document.value(u"error"_s).toString();
        const QString message = u"Mimir rejected the query (HTTP %1): %2. Check the PromQL expression."_s
                                    .arg(reply.httpStatus).arg(error);
        return failed(std::move(result), FetchState::QueryError, message, error);
    }
    if (status != u"success"_s) {
        const QString message = u"%1 returned no \"status\": \"success\", so the body is not a Prometheus API response. "
                                "Check mimir.url."_s.arg(where(result));
        return failed(std::move(result), FetchState::InvalidResponse, message, snippet(reply.body));
    }

    readData(result, document.value(u"data"_s));
    result.state = FetchState::Ok;
    return result;
}

} // namespace

MimirResult parseMimirReply(MimirResult result, const FetchOutcome &reply, const QString &tenant)
{
    result.httpStatus = reply.httpStatus;
    if (reply.state != FetchState::Ok)
        return failed(std::move(result), reply.state, reply.message, reply.detail);
    if (reply.httpStatus >= 300 && reply.httpStatus < 400) {
        const QString message = u"%1 redirected to %2, most likely a sign-in page. Configure mimir.auth or use the API URL."_s
                                    .arg(where(result), reply.redirectTarget.toDisplayString(QUrl::RemoveQuery));
        return failed(std::move(result), FetchState::AuthRequired, message, u"HTTP %1"_s.arg(reply.httpStatus));
    }
    if (reply.httpStatus == 401 || reply.httpStatus == 403)
        return fromAuthFailure(std::move(result), reply, tenant);
    if (reply.contentType.toLower().contains("text/html") || reply.body.trimmed().startsWith('<'))
        return fromHtml(std::move(result), reply);

    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(reply.body, &parseError);
    if (json.isObject() && json.object().contains(u"status"_s))
        return fromDocument(std::move(result), reply, json.object());

    if (reply.httpStatus < 200 || reply.httpStatus >= 300) {
        const QString message = u"%1 returned HTTP %2. Check that Mimir is healthy and that mimir.url is right."_s
                                    .arg(where(result)).arg(reply.httpStatus);
        return failed(std::move(result), FetchState::HttpError, message, snippet(reply.body));
    }
    const QString message = u"%1 returned a body that is not a Prometheus API response (%2). Check mimir.url."_s
                                .arg(where(result), parseError.error == QJsonParseError::NoError ? u"no status field"_s
                                                                                                   : parseError.errorString());
    return failed(std::move(result), FetchState::InvalidResponse, message, snippet(reply.body));
}

} // namespace poc
