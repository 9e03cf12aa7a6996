#include "observability/kibanasearch.h"

#include "core/config.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

// Characters left as they are in the Discover fragment; rison needs ' ! ( ) , : literally.
const QByteArray kRisonSafe = "!'(),:*-._~/@$";

QUrl withPath(const QUrl &base, const QString &suffix)
{
    QUrl url = base;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + suffix);
    return url;
}

QJsonObject filterQuery(const KibanaConfig &config, const KibanaQuery &query, const QDateTime &from, const QDateTime &to)
{
    const QJsonObject queryString{{u"query_string"_s, QJsonObject{{u"query"_s, query.query}}}};
    const QJsonObject range{{u"range"_s, QJsonObject{{config.timeField, QJsonObject{
        {u"gte"_s, isoTime(from)},
        {u"lte"_s, isoTime(to)},
        {u"format"_s, u"strict_date_optional_time"_s},
    }}}}};
    return QJsonObject{{u"bool"_s, QJsonObject{{u"filter"_s, QJsonArray{queryString, range}}}}};
}

QJsonObject perMinuteHistogram(const KibanaConfig &config, const QDateTime &from, const QDateTime &to)
{
    const QJsonObject histogram{
        {u"field"_s, config.timeField},
        {u"fixed_interval"_s, u"1m"_s},
        {u"min_doc_count"_s, 0},
        // Epoch milliseconds, so that empty minutes at both ends of the window still get a bucket.
        {u"extended_bounds"_s, QJsonObject{{u"min"_s, from.toMSecsSinceEpoch()}, {u"max"_s, to.toMSecsSinceEpoch()}}},
    };
    return QJsonObject{{u"per_minute"_s, QJsonObject{{u"date_histogram"_s, histogram}}}};
}

QJsonArray sourceFields(const KibanaConfig &config)
{
    QStringList names{config.timeField, u"message"_s};
    for (const QString &field : config.fields) {
        if (!names.contains(field))
            names.append(field);
    }
    return QJsonArray::fromStringList(names);
}

} // namespace

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QUrl kibanaSearchUrl(const KibanaConfig &config)
{
    const QString searchPath = config.index + u"/_search"_s;
    if (config.mode == KibanaMode::Elasticsearch)
        return withPath(config.url, u"/"_s + searchPath);

    QUrl url = withPath(config.url, u"/api/console/proxy"_s);
    QUrlQuery query;
    query.addQueryItem(u"path"_s, searchPath);
    query.addQueryItem(u"method"_s, u"POST"_s);
    url.setQuery(query);
    return url;
}

QByteArray kibanaSearchBody(const KibanaConfig &config, const KibanaQuery &query, const QDateTime &from, const QDateTime &to)
{
    const QJsonObject sort{{config.timeField, QJsonObject{{u"order"_s, u"desc"_s}}}};
    const QJsonObject body{
        {u"size"_s, query.sampleSize},
        {u"track_total_hits"_s, true},
        {u"sort"_s, QJsonArray{sort}},
        {u"_source"_s, sourceFields(config)},
        {u"query"_s, filterQuery(config, query, from, to)},
        {u"aggs"_s, perMinuteHistogram(config, from, to)},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString risonString(const QString &text)
{
    QString escaped = text;
    escaped.replace(u"!"_s, u"!!"_s);
    escaped.replace(u"'"_s, u"!'"_s);
    return u"'"_s + escaped + u"'"_s;
}

QUrl discoverUrl(const KibanaConfig &config, const QString &query, const QDateTime &from, const QDateTime &to)
{
    const auto encode = [](const QString &rison) { return QString::fromLatin1(QUrl::toPercentEncoding(rison, kRisonSafe)); };
    const QString dataView = config.dataViewId.isEmpty() ? config.index : config.dataViewId;

    const QString global = u"(time:(from:%1,to:%2))"_s.arg(risonString(isoTime(from)), risonString(isoTime(to)));
    const QString app = u"(query:(language:lucene,query:%1),index:%2)"_s.arg(risonString(query), risonString(dataView));
    const QString fragment = u"/?_g="_s + encode(global) + u"&_a="_s + encode(app);

    QUrl url = withPath(config.url, u"/app/discover"_s);
    url.setFragment(fragment, QUrl::StrictMode);
    return url;
}

} // namespace poc
