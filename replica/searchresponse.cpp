#include "searchresponse.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace poc::replica {

namespace {

// Elasticsearch's default search.max_buckets.
constexpr qint64 kMaxBuckets = 65'536;

struct Hit {
    qint64 timestampMs;
    const LogStream *stream;
};

QList<LogStream> matchingStreams(const SearchRequest &request, const QList<LogStream> &streams)
{
    QList<LogStream> matching;
    std::copy_if(streams.cbegin(), streams.cend(), std::back_inserter(matching),
                 [&request](const LogStream &stream) { return request.filter(stream.fields); });
    return matching;
}

qint64 totalCount(const SearchRequest &request, const QList<LogStream> &streams)
{
    qint64 total = 0;
    for (const LogStream &stream : streams)
        total += countLines(stream, request.fromMs, request.toMs);
    return total;
}

QList<Hit> pageOfHits(const SearchRequest &request, const QList<LogStream> &streams)
{
    // Without a sort Elasticsearch orders by score, which is equal for every line here,
    // so the replica returns the newest lines first.
    const bool ascending = request.sorted && request.ascending;
    const qsizetype wanted = request.offset + request.size;

    QList<Hit> hits;
    for (const LogStream &stream : streams) {
        for (qint64 time : lineTimes(stream, request.fromMs, request.toMs, wanted, ascending))
            hits.append({time, &stream});
    }
    std::sort(hits.begin(), hits.end(), [ascending](const Hit &a, const Hit &b) {
        return ascending ? a.timestampMs < b.timestampMs : a.timestampMs > b.timestampMs;
    });
    return hits.mid(request.offset, request.size);
}

bool isIncluded(const QString &path, const QStringList &includes)
{
    return std::any_of(includes.cbegin(), includes.cend(), [&path](const QString &include) {
        const QRegularExpression pattern(QRegularExpression::wildcardToRegularExpression(include));
        return pattern.match(path).hasMatch() || path.startsWith(include + u'.');
    });
}

bool leadsToInclude(const QString &path, const QStringList &includes)
{
    return std::any_of(includes.cbegin(), includes.cend(),
                       [&path](const QString &include) { return include.startsWith(path + u'.') || include.contains(u'*'); });
}

// Keeps the fields of `source` that the request's _source includes name, as Elasticsearch's
// source filtering does.
QJsonObject filterSource(const QJsonObject &source, const QStringList &includes, const QString &prefix = {})
{
    QJsonObject filtered;
    for (auto it = source.constBegin(); it != source.constEnd(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        if (isIncluded(path, includes)) {
            filtered.insert(it.key(), it.value());
        } else if (it.value().isObject() && leadsToInclude(path, includes)) {
            const QJsonObject child = filterSource(it.value().toObject(), includes, path);
            if (!child.isEmpty())
                filtered.insert(it.key(), child);
        }
    }
    return filtered;
}

QJsonObject hitObject(const Hit &hit, const SearchRequest &request)
{
    const bool sorted = request.sorted;
    QJsonObject object{
        {u"_index"_s, logIndexName(hit.timestampMs)},
        {u"_id"_s, logDocumentId(*hit.stream, hit.timestampMs)},
        {u"_score"_s, sorted ? QJsonValue(QJsonValue::Null) : QJsonValue(1.0)},
    };
    if (request.includeSource) {
        const QJsonObject source = logSource(*hit.stream, hit.timestampMs);
        object.insert(u"_source"_s, request.sourceIncludes.isEmpty() ? source : filterSource(source, request.sourceIncludes));
    }
    if (sorted)
        object.insert(u"sort"_s, QJsonArray{hit.timestampMs});
    return object;
}

QJsonObject totalObject(const SearchRequest &request, qint64 total)
{
    if (request.totalHitsLimit && total > *request.totalHitsLimit)
        return {{u"value"_s, *request.totalHitsLimit}, {u"relation"_s, u"gte"_s}};
    return {{u"value"_s, total}, {u"relation"_s, u"eq"_s}};
}

QJsonObject hitsObject(const SearchRequest &request, const QList<LogStream> &streams)
{
    const qint64 total = totalCount(request, streams);
    QJsonArray hits;
    for (const Hit &hit : pageOfHits(request, streams))
        hits.append(hitObject(hit, request));

    const bool scored = !request.sorted && !hits.isEmpty();
    QJsonObject object{{u"max_score"_s, scored ? QJsonValue(1.0) : QJsonValue(QJsonValue::Null)}, {u"hits"_s, hits}};
    if (request.trackTotalHits)
        object.insert(u"total"_s, totalObject(request, total));
    return object;
}

qint64 floorTo(qint64 value, qint64 step)
{
    const qint64 remainder = value % step;
    return remainder < 0 ? value - remainder - step : value - remainder;
}

std::pair<qint64, qint64> bucketSpan(const DateHistogramRequest &histogram, const SearchRequest &request)
{
    const qint64 first = floorTo(std::min(request.fromMs, histogram.boundsFromMs.value_or(request.fromMs)), histogram.intervalMs);
    const qint64 last = floorTo(std::max(request.toMs, histogram.boundsToMs.value_or(request.toMs)), histogram.intervalMs);
    return {first, last};
}

qint64 bucketCount(qint64 key, const DateHistogramRequest &histogram, const SearchRequest &request,
                   const QList<LogStream> &streams)
{
    const qint64 from = std::max(key, request.fromMs);
    const qint64 to = std::min(key + histogram.intervalMs - 1, request.toMs);
    qint64 count = 0;
    for (const LogStream &stream : streams)
        count += from <= to ? countLines(stream, from, to) : 0;
    return count;
}

// Drops the empty buckets at either end, as Elasticsearch only fills the gaps between
// buckets that contain documents unless the request sets extended_bounds.
void trimEmptyEnds(QList<QJsonObject> &buckets, const DateHistogramRequest &histogram)
{
    if (histogram.boundsFromMs || histogram.boundsToMs)
        return;

    const auto isEmpty = [](const QJsonObject &bucket) { return bucket.value(u"doc_count"_s).toInteger() == 0; };
    while (!buckets.isEmpty() && isEmpty(buckets.first()))
        buckets.removeFirst();
    while (!buckets.isEmpty() && isEmpty(buckets.last()))
        buckets.removeLast();
}

std::variant<QJsonObject, SearchError> histogramObject(const DateHistogramRequest &histogram, const SearchRequest &request,
                                                       const QList<LogStream> &streams)
{
    const auto [first, last] = bucketSpan(histogram, request);
    if ((last - first) / histogram.intervalMs + 1 > kMaxBuckets)
        return SearchError{400, u"too_many_buckets_exception"_s,
                           u"Trying to create too many buckets. Must be less than or equal to: [65536]."_s};

    QList<QJsonObject> buckets;
    for (qint64 key = first; key <= last; key += histogram.intervalMs) {
        const qint64 count = bucketCount(key, histogram, request, streams);
        if (count >= histogram.minDocCount)
            buckets.append({{u"key_as_string"_s, formatEsDate(key)}, {u"key"_s, key}, {u"doc_count"_s, count}});
    }
    trimEmptyEnds(buckets, histogram);

    QJsonArray array;
    for (const QJsonObject &bucket : buckets)
        array.append(bucket);
    return QJsonObject{{u"buckets"_s, array}};
}

QJsonObject shardsObject(bool shardFailure, qint64 nowMs)
{
    if (!shardFailure)
        return {{u"total"_s, 1}, {u"successful"_s, 1}, {u"skipped"_s, 0}, {u"failed"_s, 0}};

    const QJsonObject reason{
        {u"type"_s, u"node_disconnected_exception"_s},
        {u"reason"_s, u"[es-data-1][10.244.3.17:9300][indices:data/read/search[phase/query]] disconnected"_s},
    };
    const QJsonObject failure{
        {u"shard"_s, 0},
        {u"index"_s, logIndexName(nowMs).replace(u"-000001"_s, u"-000002"_s)},
        {u"node"_s, u"Xb3ryR2aQyuDm8lh8p4NaA"_s},
        {u"reason"_s, reason},
    };
    return {{u"total"_s, 2}, {u"successful"_s, 1}, {u"skipped"_s, 0}, {u"failed"_s, 1}, {u"failures"_s, QJsonArray{failure}}};
}

} // namespace

std::variant<QJsonObject, SearchError> searchResponse(const SearchRequest &request, const QList<LogStream> &streams,
                                                      bool shardFailure)
{
    const QList<LogStream> matching = matchingStreams(request, streams);
    QJsonObject response{
        {u"took"_s, 3},
        {u"timed_out"_s, false},
        {u"_shards"_s, shardsObject(shardFailure, request.toMs)},
        {u"hits"_s, hitsObject(request, matching)},
    };

    QJsonObject aggregations;
    for (const DateHistogramRequest &histogram : request.histograms) {
        auto result = histogramObject(histogram, request, matching);
        if (auto *error = std::get_if<SearchError>(&result))
            return *error;
        aggregations.insert(histogram.name, std::get<QJsonObject>(result));
    }
    if (!request.histograms.isEmpty())
        response.insert(u"aggregations"_s, aggregations);
    return response;
}

QJsonObject esErrorBody(const SearchError &error)
{
    const QJsonObject cause{{u"type"_s, error.type}, {u"reason"_s, error.reason}};
    return {
        {u"error"_s, QJsonObject{{u"root_cause"_s, QJsonArray{cause}}, {u"type"_s, error.type}, {u"reason"_s, error.reason}}},
        {u"status"_s, error.status},
    };
}

} // namespace poc::replica
