#include "probe/latencyseries.h"

#include "probe/endpointtracker.h"

namespace poc {

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

} // namespace poc
