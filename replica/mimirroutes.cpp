#include "mimirroutes.h"

#include "promql.h"
#include "replicastate.h"
#include "seriesdata.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QUrlQuery>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace poc::replica {

namespace {

using Method = QHttpServerRequest::Method;

// Prometheus rejects range queries above this many points per series.
constexpr qint64 kMaxPointsPerSeries = 11'000;

struct BadData {
    QString message;
};

// The query parameters of a request: URL query and form body together, as Prometheus reads them.
class Parameters
{
public:
    explicit Parameters(const QHttpServerRequest &request)
        : m_url(request.query())
    {
        if (request.method() == Method::Post) {
            // Form bodies encode spaces as '+', which QUrlQuery does not decode.
            QByteArray body = request.body();
            body.replace('+', "%20");
            m_form.setQuery(QString::fromUtf8(body));
        }
    }

    QString value(const QString &key) const
    {
        const QStringList values = all(key);
        return values.isEmpty() ? QString() : values.first();
    }

    QStringList all(const QString &key) const
    {
        return m_url.allQueryItemValues(key, QUrl::FullyDecoded) + m_form.allQueryItemValues(key, QUrl::FullyDecoded);
    }

    bool has(const QString &key) const { return m_url.hasQueryItem(key) || m_form.hasQueryItem(key); }

private:
    QUrlQuery m_url;
    QUrlQuery m_form;
};

Reply success(const QJsonValue &data)
{
    return jsonReply(QJsonObject{{u"status"_s, u"success"_s}, {u"data"_s, data}});
}

Reply badData(const QString &message)
{
    return jsonReply(QJsonObject{{u"status"_s, u"error"_s}, {u"errorType"_s, u"bad_data"_s}, {u"error"_s, message}}, 400);
}

QString formatValue(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    return QString::number(value, 'f', QLocale::FloatingPointShortest);
}

double nowSeconds()
{
    return QDateTime::currentMSecsSinceEpoch() / 1000.0;
}

std::optional<double> parseTime(const QString &text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok)
        return seconds;
    const QDateTime dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
    return dateTime.isValid() ? std::optional<double>(dateTime.toMSecsSinceEpoch() / 1000.0) : std::nullopt;
}

std::optional<double> parseStep(const QString &text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok)
        return seconds;

    static const QHash<QChar, double> units{{u's', 1}, {u'm', 60}, {u'h', 3600}, {u'd', 86400}, {u'w', 604800}};
    const double count = text.chopped(1).toDouble(&ok);
    if (!ok || text.isEmpty() || !units.contains(text.back()))
        return std::nullopt;
    return count * units.value(text.back());
}

std::variant<double, BadData> timeParameter(const Parameters &parameters, const QString &key, double fallback)
{
    if (!parameters.has(key))
        return fallback;
    const auto parsed = parseTime(parameters.value(key));
    if (!parsed)
        return BadData{u"invalid parameter \"%1\": cannot parse \"%2\" to a valid timestamp"_s.arg(key, parameters.value(key))};
    return *parsed;
}

QList<SeriesData> selectSeries(const PromQuery &query, const QList<SeriesData> &series)
{
    QList<SeriesData> selected;
    std::copy_if(series.cbegin(), series.cend(), std::back_inserter(selected),
                 [&query](const SeriesData &data) { return query.selects(data.labels); });
    return selected;
}

double aggregate(const QString &name, const QList<SeriesData> &series, double time)
{
    double result = name == u"count" ? series.size() : series.first().valueAt(time);
    for (qsizetype i = 1; i < series.size() && name != u"count"; ++i) {
        const double value = series[i].valueAt(time);
        result = name == u"min" ? std::min(result, value) : name == u"max" ? std::max(result, value) : result + value;
    }
    return name == u"avg" ? result / series.size() : result;
}

QJsonObject labelsObject(const Labels &labels)
{
    QJsonObject object;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonArray samplePair(double time, double value)
{
    return QJsonArray{time, formatValue(value)};
}

// The series an expression yields: each selected series, or one label-less series for
// an aggregation over at least one series or a number.
QList<std::pair<Labels, std::function<double(double)>>> evaluate(const PromQuery &query, const QList<SeriesData> &series)
{
    const QList<SeriesData> selected = selectSeries(query, series);
    QList<std::pair<Labels, std::function<double(double)>>> results;
    if (query.kind == PromQuery::Kind::Number) {
        results.append({Labels(), [number = query.number](double) { return number; }});
    } else if (query.kind == PromQuery::Kind::Aggregation) {
        if (!selected.isEmpty())
            results.append({Labels(), [selected, name = query.aggregation](double t) { return aggregate(name, selected, t); }});
    } else {
        for (const SeriesData &data : selected)
            results.append({data.labels, [data](double t) { return data.valueAt(t); }});
    }
    return results;
}

std::variant<PromQuery, BadData> queryParameter(const Parameters &parameters)
{
    auto parsed = parsePromQuery(parameters.value(u"query"_s));
    if (auto *error = std::get_if<QString>(&parsed))
        return BadData{u"invalid parameter \"query\": "_s + *error};
    return std::get<PromQuery>(parsed);
}

Reply instantQuery(const Parameters &parameters, const QList<SeriesData> &series)
{
    const auto query = queryParameter(parameters);
    const auto time = timeParameter(parameters, u"time"_s, nowSeconds());
    if (const auto *error = std::get_if<BadData>(&query))
        return badData(error->message);
    if (const auto *error = std::get_if<BadData>(&time))
        return badData(error->message);

    const PromQuery &promQuery = std::get<PromQuery>(query);
    const double at = std::get<double>(time);
    if (promQuery.kind == PromQuery::Kind::Number)
        return success(QJsonObject{{u"resultType"_s, u"scalar"_s}, {u"result"_s, samplePair(at, promQuery.number)}});

    QJsonArray result;
    for (const auto &[labels, valueAt] : evaluate(promQuery, series))
        result.append(QJsonObject{{u"metric"_s, labelsObject(labels)}, {u"value"_s, samplePair(at, valueAt(at))}});
    return success(QJsonObject{{u"resultType"_s, u"vector"_s}, {u"result"_s, result}});
}

std::optional<QString> validateRange(double start, double end, const std::optional<double> &step, const QString &stepText)
{
    if (!step)
        return u"invalid parameter \"step\": cannot parse \"%1\" to a valid duration"_s.arg(stepText);
    if (end < start)
        return u"end timestamp must not be before start time"_s;
    if (*step <= 0)
        return u"zero or negative query resolution step widths are not accepted. Try a positive integer"_s;
    if ((end - start) / *step > kMaxPointsPerSeries)
        return u"exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)"_s;
    return std::nullopt;
}

Reply rangeQuery(const Parameters &parameters, const QList<SeriesData> &series)
{
    const auto query = queryParameter(parameters);
    const auto start = timeParameter(parameters, u"start"_s, NAN);
    const auto end = timeParameter(parameters, u"end"_s, NAN);
    for (const auto *error : {std::get_if<BadData>(&query), std::get_if<BadData>(&start), std::get_if<BadData>(&end)}) {
        if (error)
            return badData(error->message);
    }

    const double from = std::get<double>(start);
    const double to = std::get<double>(end);
    if (std::isnan(from) || std::isnan(to))
        return badData(u"invalid parameter \"%1\": cannot parse \"\" to a valid timestamp"_s.arg(std::isnan(from) ? u"start"_s : u"end"_s));
    const QString stepText = parameters.value(u"step"_s);
    const auto step = parseStep(stepText);
    if (const auto error = validateRange(from, to, step, stepText))
        return badData(*error);

    QJsonArray result;
    for (const auto &[labels, valueAt] : evaluate(std::get<PromQuery>(query), series)) {
        QJsonArray values;
        const qint64 points = static_cast<qint64>(std::floor((to - from) / *step)) + 1;
        for (qint64 i = 0; i < points; ++i) {
            // Millisecond resolution, as Prometheus returns, without drift from repeated adds.
            const double t = std::round((from + i * *step) * 1000.0) / 1000.0;
            values.append(samplePair(t, valueAt(t)));
        }
        result.append(QJsonObject{{u"metric"_s, labelsObject(labels)}, {u"values"_s, values}});
    }
    return success(QJsonObject{{u"resultType"_s, u"matrix"_s}, {u"result"_s, result}});
}

// The series that any match[] selector selects, or all series when there is no match[].
std::variant<QList<SeriesData>, BadData> matchedSeries(const Parameters &parameters, const QList<SeriesData> &series)
{
    const QStringList selectors = parameters.all(u"match[]"_s);
    if (selectors.isEmpty())
        return series;

    QList<SeriesData> matched;
    for (const SeriesData &data : series) {
        bool selected = false;
        for (const QString &selector : selectors) {
            auto parsed = parseSeriesSelector(selector);
            if (auto *error = std::get_if<QString>(&parsed))
                return BadData{u"invalid parameter \"match[]\": "_s + *error};
            selected = selected || std::get<PromQuery>(parsed).selects(data.labels);
        }
        if (selected)
            matched.append(data);
    }
    return matched;
}

Reply seriesQuery(const Parameters &parameters, const QList<SeriesData> &series)
{
    if (parameters.all(u"match[]"_s).isEmpty())
        return badData(u"no match[] parameter provided"_s);

    const auto matched = matchedSeries(parameters, series);
    if (const auto *error = std::get_if<BadData>(&matched))
        return badData(error->message);

    QJsonArray data;
    for (const SeriesData &entry : std::get<QList<SeriesData>>(matched))
        data.append(labelsObject(entry.labels));
    return success(data);
}

Reply labelsQuery(const Parameters &parameters, const QList<SeriesData> &series, const QString &labelName)
{
    const auto matched = matchedSeries(parameters, series);
    if (const auto *error = std::get_if<BadData>(&matched))
        return badData(error->message);

    QSet<QString> names;
    for (const SeriesData &entry : std::get<QList<SeriesData>>(matched)) {
        if (labelName.isEmpty())
            names.unite(QSet<QString>(entry.labels.keyBegin(), entry.labels.keyEnd()));
        else if (entry.labels.contains(labelName))
            names.insert(entry.labels.value(labelName));
    }

    QStringList sorted = names.values();
    sorted.sort();
    return success(QJsonArray::fromStringList(sorted));
}

using MimirHandler = std::function<Reply(const Parameters &, const QList<SeriesData> &, const QString &argument)>;

// Checks the tenant and credentials before the handler runs, as Mimir's gateway does.
Route mimirRoute(const QString &path, const std::shared_ptr<ReplicaState> &state, MimirHandler handler)
{
    return Route{Method::Get | Method::Post, path, [state, handler](const QHttpServerRequest &request, const QString &argument) {
                     if (state->scenario() == Scenario::AuthExpired)
                         return textReply("Unauthorized\n", 401);

                     const QByteArray tenant = request.value("X-Scope-OrgID");
                     if (tenant.isEmpty())
                         return textReply("no org id\n", 401);

                     // Any other tenant is valid in Mimir, but it contains none of this tenant's series.
                     const bool ownTenant = QString::fromUtf8(tenant) == mimirTenant();
                     const QList<SeriesData> series = ownTenant ? mimirSeries(state->servesFixedData()) : QList<SeriesData>();
                     return handler(Parameters(request), series, argument);
                 }};
}

} // namespace

QList<Route> mimirRoutes(const std::shared_ptr<ReplicaState> &state)
{
    return {
        Route{Method::Get, u"/grafana/explore"_s,
              [](const QHttpServerRequest &request, const QString &) {
                  return standInPage(u"Grafana Explore"_s, QString::fromUtf8(request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)));
              }},
        mimirRoute(u"/prometheus/api/v1/query"_s, state,
                   [](const Parameters &p, const QList<SeriesData> &s, const QString &) { return instantQuery(p, s); }),
        mimirRoute(u"/prometheus/api/v1/query_range"_s, state,
                   [](const Parameters &p, const QList<SeriesData> &s, const QString &) { return rangeQuery(p, s); }),
        mimirRoute(u"/prometheus/api/v1/series"_s, state,
                   [](const Parameters &p, const QList<SeriesData> &s, const QString &) { return seriesQuery(p, s); }),
        mimirRoute(u"/prometheus/api/v1/labels"_s, state,
                   [](const Parameters &p, const QList<SeriesData> &s, const QString &) { return labelsQuery(p, s, {}); }),
        mimirRoute(u"/prometheus/api/v1/label/{name}/values"_s, state, labelsQuery),
    };
}

} // namespace poc::replica
