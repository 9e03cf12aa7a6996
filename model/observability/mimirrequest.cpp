#include "observability/mimirrequest.h"

#include "core/config.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QUrl withPath(const QUrl &base, const QString &suffix)
{
    QUrl url = base;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + suffix);
    return url;
}

// Unix seconds with millisecond precision, as the Prometheus API accepts them.
QString unixSeconds(const QDateTime &time)
{
    return QString::number(double(time.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
}

QString endpointPath(MimirQueryKind kind)
{
    switch (kind) {
    case MimirQueryKind::Range: return u"/api/v1/query_range"_s;
    case MimirQueryKind::Instant: return u"/api/v1/query"_s;
    case MimirQueryKind::Series: return u"/api/v1/series"_s;
    }
    return u"/api/v1/query"_s;
}

} // namespace

QUrl mimirQueryUrl(const MimirConfig &config, const MimirQuery &query, const QDateTime &from, const QDateTime &to)
{
    QUrlQuery parameters;
    switch (query.kind) {
    case MimirQueryKind::Range:
        parameters.addQueryItem(u"query"_s, query.promql);
        parameters.addQueryItem(u"start"_s, unixSeconds(from));
        parameters.addQueryItem(u"end"_s, unixSeconds(to));
        parameters.addQueryItem(u"step"_s, QString::number(double(query.step.count()) / 1000.0, 'f', 3));
        break;
    case MimirQueryKind::Instant:
        parameters.addQueryItem(u"query"_s, query.promql);
        parameters.addQueryItem(u"time"_s, unixSeconds(to));
        break;
    case MimirQueryKind::Series:
        parameters.addQueryItem(u"match[]"_s, query.promql);
        parameters.addQueryItem(u"start"_s, unixSeconds(from));
        parameters.addQueryItem(u"end"_s, unixSeconds(to));
        break;
    }

    // QUrlQuery leaves '+' alone, but servers decode it as a space; PromQL uses it for addition.
    QString encoded = parameters.query(QUrl::FullyEncoded);
    encoded.replace(u"+"_s, u"%2B"_s);

    QUrl url = withPath(config.url, endpointPath(query.kind));
    url.setQuery(encoded, QUrl::StrictMode);
    return url;
}

QUrl exploreUrl(const MimirConfig &config, const QString &expr, const QDateTime &from, const QDateTime &to)
{
    if (config.grafanaUrl.isEmpty() || !config.grafanaUrl.isValid())
        return {};

    const QJsonObject state{
        {u"datasource"_s, config.grafanaDatasource},
        {u"queries"_s, QJsonArray{QJsonObject{{u"refId"_s, u"A"_s}, {u"expr"_s, expr}}}},
        {u"range"_s, QJsonObject{
            {u"from"_s, QString::number(from.toMSecsSinceEpoch())},
            {u"to"_s, QString::number(to.toMSecsSinceEpoch())},
        }},
    };
    const QByteArray json = QJsonDocument(state).toJson(QJsonDocument::Compact);

    QUrl url = withPath(config.grafanaUrl, u"/explore"_s);
    url.setQuery(u"left="_s + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(json))), QUrl::StrictMode);
    return url;
}

} // namespace poc
