#include "searchrequest.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <limits>

using namespace Qt::StringLiterals;

namespace poc::replica {

namespace {

constexpr qint64 kDefaultWindowMs = 24 * 3600 * 1000;
constexpr qint64 kMaxResultWindow = 10'000;
constexpr qint64 kNoLowerBound = std::numeric_limits<qint64>::min() / 2;

using FilterOrError = std::variant<DocumentFilter, SearchError>;

SearchError parsingError(const QString &reason)
{
    return {400, u"parsing_exception"_s, reason};
}

DocumentFilter matchAll()
{
    return [](const LogFields &) { return true; };
}

std::optional<qint64> unitMs(QStringView unit)
{
    static const QHash<QString, qint64> units{
        {u"ms"_s, 1}, {u"s"_s, 1000}, {u"m"_s, 60'000}, {u"h"_s, 3'600'000}, {u"d"_s, 86'400'000},
        {u"w"_s, 7 * 86'400'000LL},
    };
    const auto it = units.constFind(unit.toString());
    return it == units.cend() ? std::nullopt : std::optional<qint64>(*it);
}

std::optional<qint64> applyDateMath(qint64 baseMs, QStringView math)
{
    static const QRegularExpression step(u"^([+-]\\d+|/)(ms|s|m|h|d|w)"_s);
    qint64 result = baseMs;
    while (!math.isEmpty()) {
        const auto match = step.match(math);
        if (!match.hasMatch())
            return std::nullopt;

        const auto unit = unitMs(match.capturedView(2));
        if (match.capturedView(1) == u"/")
            result -= result % *unit;
        else
            result += match.capturedView(1).toLongLong() * *unit;
        math = math.mid(match.capturedLength(0));
    }
    return result;
}

std::optional<qint64> parseDateText(const QString &text, qint64 nowMs)
{
    if (text.startsWith(u"now"))
        return applyDateMath(nowMs, QStringView(text).mid(3));

    bool isNumber = false;
    const qint64 millis = text.toLongLong(&isNumber);
    if (isNumber)
        return millis;

    const QDateTime dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dateTime.isValid())
        return std::nullopt;
    // A date without an offset is UTC in Elasticsearch.
    return text.endsWith(u'Z') || text.contains(u'+') || text.lastIndexOf(u'-') > 10
               ? dateTime.toMSecsSinceEpoch()
               : QDateTime(dateTime.date(), dateTime.time(), Qt::UTC).toMSecsSinceEpoch();
}

QJsonArray asArray(const QJsonValue &value)
{
    if (value.isArray())
        return value.toArray();
    if (value.isUndefined() || value.isNull())
        return {};
    return QJsonArray{value};
}

// The field and its query text in match/term forms: {"field": "text"} or {"field": {"query": "text"}}.
std::pair<QString, QString> fieldAndText(const QJsonObject &clause, const QString &key)
{
    if (clause.isEmpty())
        return {};
    const QString field = clause.constBegin().key();
    const QJsonValue value = clause.constBegin().value();
    const QJsonValue text = value.isObject() ? value.toObject().value(key) : value;
    return {field, text.isDouble() ? QString::number(text.toDouble()) : text.toString()};
}

class QueryParser
{
public:
    QueryParser(SearchRequest &request, qint64 nowMs)
        : m_request(request)
        , m_nowMs(nowMs)
    {
    }

    FilterOrError parse(const QJsonValue &query)
    {
        if (query.isUndefined())
            return matchAll();
        if (!query.isObject() || query.toObject().size() != 1)
            return parsingError(u"query malformed, must start with an object holding one query name"_s);

        const QJsonObject object = query.toObject();
        const QString name = object.constBegin().key();
        const QJsonObject clause = object.constBegin().value().toObject();
        return parseClause(name, clause);
    }

private:
    FilterOrError parseClause(const QString &name, const QJsonObject &clause)
    {
        if (name == u"match_all")
            return matchAll();
        if (name == u"bool")
            return parseBool(clause);
        if (name == u"range")
            return parseRange(clause);
        if (name == u"query_string")
            return parseQueryString(clause);
        if (name == u"match" || name == u"match_phrase")
            return fieldFilter(fieldAndText(clause, u"query"_s), false);
        if (name == u"term")
            return fieldFilter(fieldAndText(clause, u"value"_s), true);
        if (name == u"exists")
            return fieldFilter({clause.value(u"field"_s).toString(), u"*"_s}, false);
        return parsingError(u"unknown query [%1]"_s.arg(name));
    }

    FilterOrError parseBool(const QJsonObject &clause)
    {
        QList<DocumentFilter> required;
        QList<DocumentFilter> excluded;
        QList<DocumentFilter> optional;
        for (const auto &[key, target] : {std::pair{u"must"_s, &required}, {u"filter"_s, &required},
                                          {u"must_not"_s, &excluded}, {u"should"_s, &optional}}) {
            for (const QJsonValue &child : asArray(clause.value(key))) {
                FilterOrError parsed = parse(child);
                if (auto *error = std::get_if<SearchError>(&parsed))
                    return *error;
                target->append(std::get<DocumentFilter>(parsed));
            }
        }

        // Without must or filter, at least one should clause has to match (Elasticsearch's
        // default minimum_should_match); with them, should only affects scoring.
        const bool needsShould = required.isEmpty() && !optional.isEmpty();
        return DocumentFilter([required, excluded, optional, needsShould](const LogFields &fields) {
            const auto matches = [&fields](const DocumentFilter &filter) { return filter(fields); };
            return std::all_of(required.cbegin(), required.cend(), matches)
                   && std::none_of(excluded.cbegin(), excluded.cend(), matches)
                   && (!needsShould || std::any_of(optional.cbegin(), optional.cend(), matches));
        });
    }

    FilterOrError parseRange(const QJsonObject &clause)
    {
        const QJsonObject bounds = clause.value(u"@timestamp"_s).toObject();
        if (clause.size() != 1 || bounds.isEmpty())
            return parsingError(u"the replica supports range queries on @timestamp only"_s);

        for (const auto &[key, lower, shift] : {std::tuple{u"gte"_s, true, 0}, {u"gt"_s, true, 1},
                                                {u"lte"_s, false, 0}, {u"lt"_s, false, -1}}) {
            if (!bounds.contains(key))
                continue;
            const auto bound = parseEsDate(bounds.value(key), m_nowMs);
            if (!bound)
                return parsingError(u"failed to parse date field [%1]"_s.arg(bounds.value(key).toVariant().toString()));
            if (lower)
                m_request.fromMs = std::max(m_request.fromMs, *bound + shift);
            else
                m_request.toMs = std::min(m_request.toMs, *bound + shift);
        }
        return matchAll();
    }

    static FilterOrError parseQueryString(const QJsonObject &clause)
    {
        auto compiled = compileQueryString(clause.value(u"query"_s).toString());
        if (auto *error = std::get_if<QString>(&compiled))
            return parsingError(u"Failed to parse query [%1]: %2"_s.arg(clause.value(u"query"_s).toString(), *error));
        return std::get<DocumentFilter>(compiled);
    }

    static FilterOrError fieldFilter(const std::pair<QString, QString> &fieldAndValue, bool exact)
    {
        const auto &[field, text] = fieldAndValue;
        if (field.isEmpty())
            return parsingError(u"query malformed, no field name"_s);
        return DocumentFilter([field, text, exact](const LogFields &fields) {
            const QString value = fields.value(field);
            return exact ? value == text : fieldMatches(field, value, text);
        });
    }

    SearchRequest &m_request;
    qint64 m_nowMs;
};

std::optional<SearchError> parseSort(const QJsonValue &sort, SearchRequest &request)
{
    for (const QJsonValue &entry : asArray(sort)) {
        QString field;
        QString order = u"asc"_s;
        if (entry.isString()) {
            const QStringList parts = entry.toString().split(u':');
            field = parts.value(0);
            order = parts.value(1, order);
        } else if (entry.isObject() && !entry.toObject().isEmpty()) {
            const QJsonObject object = entry.toObject();
            field = object.constBegin().key();
            const QJsonValue spec = object.constBegin().value();
            order = spec.isObject() ? spec.toObject().value(u"order"_s).toString(u"asc"_s) : spec.toString();
        }

        if (field == u"_score")
            continue;
        if (field != u"@timestamp")
            return SearchError{400, u"illegal_argument_exception"_s, u"the replica sorts on @timestamp only, not [%1]"_s.arg(field)};
        request.sorted = true;
        request.ascending = order == u"asc";
    }
    return std::nullopt;
}

std::optional<SearchError> parseHistogram(const QString &name, const QJsonObject &spec, qint64 nowMs, SearchRequest &request)
{
    DateHistogramRequest histogram;
    histogram.name = name;
    histogram.minDocCount = spec.value(u"min_doc_count"_s).toInteger(0);

    QString intervalText;
    for (const QString &key : {u"fixed_interval"_s, u"calendar_interval"_s, u"interval"_s})
        intervalText = intervalText.isEmpty() ? spec.value(key).toString() : intervalText;
    const auto interval = parseEsInterval(intervalText);
    if (!interval || *interval <= 0)
        return SearchError{400, u"illegal_argument_exception"_s, u"Invalid interval specified [%1]"_s.arg(intervalText)};
    histogram.intervalMs = *interval;

    const QJsonObject bounds = spec.value(u"extended_bounds"_s).toObject();
    histogram.boundsFromMs = parseEsDate(bounds.value(u"min"_s), nowMs);
    histogram.boundsToMs = parseEsDate(bounds.value(u"max"_s), nowMs);
    request.histograms.append(histogram);
    return std::nullopt;
}

std::optional<SearchError> parseAggregations(const QJsonObject &aggregations, qint64 nowMs, SearchRequest &request)
{
    for (auto it = aggregations.constBegin(); it != aggregations.constEnd(); ++it) {
        const QJsonObject spec = it.value().toObject();
        if (!spec.contains(u"date_histogram"_s)) {
            const QString type = spec.isEmpty() ? QString() : spec.constBegin().key();
            return parsingError(u"the replica supports date_histogram aggregations only, not [%1] in [%2]"_s.arg(type, it.key()));
        }
        if (const auto error = parseHistogram(it.key(), spec.value(u"date_histogram"_s).toObject(), nowMs, request))
            return error;
    }
    return std::nullopt;
}

void parseSourceFiltering(const QJsonValue &value, SearchRequest &request)
{
    if (value.isBool()) {
        request.includeSource = value.toBool();
        return;
    }

    const QJsonValue includes = value.isObject() ? value.toObject().value(u"includes"_s) : value;
    for (const QJsonValue &field : asArray(includes))
        request.sourceIncludes.append(field.toString());
}

void parseTrackTotalHits(const QJsonValue &value, SearchRequest &request)
{
    if (value.isBool()) {
        request.trackTotalHits = value.toBool();
        request.totalHitsLimit = std::nullopt;
    } else if (value.isDouble()) {
        request.totalHitsLimit = value.toInteger();
    }
}

std::optional<SearchError> parseBody(const QJsonObject &body, qint64 nowMs, SearchRequest &request)
{
    request.size = body.value(u"size"_s).toInteger(10);
    request.offset = body.value(u"from"_s).toInteger(0);
    if (request.size < 0 || request.offset < 0)
        return SearchError{400, u"illegal_argument_exception"_s, u"[from] and [size] must not be negative"_s};
    if (request.size + request.offset > kMaxResultWindow)
        return SearchError{400, u"illegal_argument_exception"_s,
                           u"Result window is too large, from + size must be less than or equal to: [10000] but was [%1]."_s
                               .arg(request.size + request.offset)};

    parseTrackTotalHits(body.value(u"track_total_hits"_s), request);
    parseSourceFiltering(body.value(u"_source"_s), request);
    if (const auto error = parseSort(body.value(u"sort"_s), request))
        return error;
    QJsonObject aggregations = body.value(u"aggs"_s).toObject();
    if (aggregations.isEmpty())
        aggregations = body.value(u"aggregations"_s).toObject();
    return parseAggregations(aggregations, nowMs, request);
}

} // namespace

std::optional<qint64> parseEsDate(const QJsonValue &value, qint64 nowMs)
{
    if (value.isDouble())
        return value.toInteger();
    if (value.isString())
        return parseDateText(value.toString(), nowMs);
    return std::nullopt;
}

std::optional<qint64> parseEsInterval(const QString &text)
{
    static const QHash<QString, QString> calendarUnits{
        {u"second"_s, u"1s"_s}, {u"minute"_s, u"1m"_s}, {u"hour"_s, u"1h"_s}, {u"day"_s, u"1d"_s}, {u"week"_s, u"1w"_s},
    };
    const QString interval = calendarUnits.value(text, text);

    static const QRegularExpression pattern(u"^(\\d+)(ms|s|m|h|d|w)$"_s);
    const auto match = pattern.match(interval);
    if (!match.hasMatch())
        return std::nullopt;
    return match.capturedView(1).toLongLong() * *unitMs(match.capturedView(2));
}

std::variant<SearchRequest, SearchError> parseSearchRequest(const QByteArray &body, qint64 nowMs)
{
    QJsonParseError jsonError;
    const QJsonDocument document = body.trimmed().isEmpty() ? QJsonDocument(QJsonObject()) : QJsonDocument::fromJson(body, &jsonError);
    if (!document.isObject())
        return SearchError{400, u"x_content_parse_exception"_s, u"request body is not a JSON object: %1"_s.arg(jsonError.errorString())};

    SearchRequest request;
    request.fromMs = kNoLowerBound;
    request.toMs = nowMs;
    const QJsonObject object = document.object();
    if (const auto error = parseBody(object, nowMs, request))
        return *error;

    FilterOrError filter = QueryParser(request, nowMs).parse(object.value(u"query"_s));
    if (auto *error = std::get_if<SearchError>(&filter))
        return *error;

    // The replica's lines repeat without end, so a query without a lower bound on
    // @timestamp searches the last 24 hours instead of all time.
    if (request.fromMs == kNoLowerBound)
        request.fromMs = nowMs - kDefaultWindowMs;

    request.toMs = std::min(request.toMs, nowMs);
    request.filter = std::get<DocumentFilter>(filter);
    return request;
}

} // namespace poc::replica
