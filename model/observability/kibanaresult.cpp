#include "observability/kibanaresult.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QString isoOrEmpty(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonArray histogramJson(const QList<KibanaBucket> &buckets)
{
    QJsonArray array;
    for (const KibanaBucket &bucket : buckets)
        array.append(QJsonObject{{u"start"_s, isoOrEmpty(bucket.start)}, {u"count"_s, bucket.count}});
    return array;
}

QJsonArray linesJson(const QList<KibanaLine> &lines)
{
    QJsonArray array;
    for (const KibanaLine &line : lines) {
        QJsonObject fields;
        for (const auto &[name, value] : line.fields)
            fields.insert(name, value);
        array.append(QJsonObject{
            {u"timestamp"_s, isoOrEmpty(line.timestamp)},
            {u"message"_s, line.message},
            {u"fields"_s, fields},
        });
    }
    return array;
}

} // namespace

QString KibanaLine::field(const QString &name) const
{
    for (const auto &[key, value] : fields) {
        if (key == name)
            return value;
    }
    return {};
}

QJsonObject toJson(const KibanaResult &result)
{
    QJsonObject json{
        {u"id"_s, result.queryId},
        {u"query"_s, result.query},
        {u"state"_s, toString(result.state)},
        {u"from"_s, isoOrEmpty(result.from)},
        {u"to"_s, isoOrEmpty(result.to)},
        {u"fetched_at"_s, isoOrEmpty(result.fetchedAt)},
        {u"warnings"_s, QJsonArray::fromStringList(result.warnings)},
    };
    if (result.httpStatus != 0)
        json.insert(u"http_status"_s, result.httpStatus);
    if (!result.hasData()) {
        json.insert(u"message"_s, result.message);
        json.insert(u"detail"_s, result.detail);
        return json;
    }

    json.insert(u"total_hits"_s, result.totalHits);
    json.insert(u"total_relation"_s, result.totalIsLowerBound ? u"gte"_s : u"eq"_s);
    json.insert(u"last_occurrence"_s, result.lastOccurrence.isValid() ? QJsonValue(isoOrEmpty(result.lastOccurrence)) : QJsonValue());
    json.insert(u"histogram"_s, histogramJson(result.histogram));
    json.insert(u"lines"_s, linesJson(result.lines));
    return json;
}

} // namespace poc
