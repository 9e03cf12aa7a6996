#pragma once

#include "promql.h"

#include <QList>

namespace poc::replica {

// One time series the replica's Mimir holds. Its value at Unix time t (seconds) is
// `base + ratePerSecond * t`: a gauge when the rate is 0, a counter otherwise.
struct SeriesData {
    Labels labels;
    double base = 0;
    double ratePerSecond = 0;

    double valueAt(double unixSeconds) const { return base + ratePerSecond * unixSeconds; }
};

// The tenant the POC's metrics are written to.
QString mimirTenant();

// The series of tenant k8s-backstage-v4: cluster series always, plus the Arcade Engine's
// and the collector's series when `fixedData` is set.
QList<SeriesData> mimirSeries(bool fixedData);

} // namespace poc::replica
