#include "probe/latencyseries.h"

#include "probe/endpointtracker.h"

#include <algorithm>

namespace poc {

namespace {

bool lowerY(const QPointF &a, const QPointF &b)
{
    return a.y() < b.y();
}

void appendMinMax(QList<QPointF> &out, QList<QPointF>::const_iterator begin, QList<QPointF>::const_iterator end)
{
    const auto [lowest, highest] = std::minmax_element(begin, end, lowerY);
    if (lowest == highest) {
        out.append(*lowest);
        return;
    }
    out.append(lowest < highest ? *lowest : *highest);
    out.append(lowest < highest ? *highest : *lowest);
}

} // namespace

QList<QPointF> latencyPoints(const EndpointTracker &tracker)
{
    QList<QPointF> points;
    points.reserve(tracker.historyCount());
    for (int index = 0; index < tracker.historyCount(); ++index) {
        const ProbeResult &result = tracker.historyAt(index);
        if (result.httpStatus > 0)
            points.append(QPointF(double(result.checkedAt.toMSecsSinceEpoch()), double(result.latencyMs)));
    }
    return points;
}

QList<QPointF> downsampleMinMax(const QList<QPointF> &points, int maxPoints)
{
    if (points.size() <= maxPoints || maxPoints < 2)
        return points;

    const qsizetype buckets = maxPoints / 2;
    QList<QPointF> reduced;
    reduced.reserve(maxPoints);
    for (qsizetype bucket = 0; bucket < buckets; ++bucket) {
        const qsizetype first = bucket * points.size() / buckets;
        const qsizetype last = (bucket + 1) * points.size() / buckets;
        appendMinMax(reduced, points.cbegin() + first, points.cbegin() + last);
    }
    return reduced;
}

} // namespace poc
