#pragma once

#include <QList>
#include <QPointF>

namespace poc {

// Reduces `points` (sorted by x) for a chart `columns` pixels wide: the x range is cut into
// `columns` equal columns and each column keeps its minimum and maximum point, in x order.
// The result has at most 2 × columns points and keeps every peak and dip. Input with no more than 2 × columns points is returned unchanged.
QList<QPointF> downsampleToColumns(const QList<QPointF> &points, int columns);

} // namespace poc
