#include "observability/mimirresult.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QString isoOrEmpty(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// JSON has no NaN or infinities, so those values are written as Prometheus spells them.
QJsonValue sampleValue(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    return value;
}

QJsonObject sampleJson(const MimirSample &sample)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(sample.timeMs, Qt::UTC);
    return QJsonObject{{u"time"_s, isoOrEmpty(time)}, {u"value"_s, sampleValue(sample.value)}};
}

QJsonArray seriesJson(const QList<MimirSeries> &series)
{
    QJsonArray array;
    for (const MimirSeries &item : series) {
        QJsonObject labels;
        for (const auto &[name, value] : item.labels)
            labels.insert(name, value);
        QJsonObject json{{u"labels"_s, labels}, {u"samples"_s, item.samples.size()}};
        if (!item.samples.isEmpty())
            json.insert(u"last"_s, sampleJson(item.samples.last()));
        array.append(json);
    }
    return array;
}

} // namespace

QString toString(MimirResultType type)
{
    switch (type) {
    case MimirResultType::None: return u"none"_s;
    case MimirResultType::Vector: return u"vector"_s;
    case MimirResultType::Matrix: return u"matrix"_s;
    case MimirResultType::Scalar: return u"scalar"_s;
    case MimirResultType::String: return u"string"_s;
    case MimirResultType::Series: return u"series"_s;
    }
    return u"none"_s;
}

QString MimirSeries::displayName() const
{
    QString name;
    QStringList pairs;
    for (const auto &[label, value] : labels) {
        if (label == u"__name__"_s)
            name = value;
        else
            pairs.append(u"%1=\"%2\""_s.arg(label, value));
    }
    return name + u"{"_s + pairs.join(u", "_s) + u"}"_s;
}

} // namespace poc

namespace poc {

QJsonObject toJson(const MimirResult &result)
{
    QJsonObject json{
        {u"id"_s, result.queryId},
        {u"promql"_s, result.promql},
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

    json.insert(u"result_type"_s, toString(result.resultType));
    json.insert(u"series_count"_s, result.seriesCount());
    json.insert(u"series"_s, seriesJson(result.series));
    if (result.scalar)
        json.insert(u"scalar"_s, sampleJson(*result.scalar));
    return json;
}

} // namespace poc
