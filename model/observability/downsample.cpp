#include "observability/downsample.h"

#include <algorithm>

namespace poc {

namespace {

struct Column {
    qsizetype minIndex = -1;
    qsizetype maxIndex = -1;
};

void appendColumn(QList<QPointF> &out, const QList<QPointF> &points, const Column &column)
{
    if (column.minIndex < 0)
        return;

    const qsizetype first = std::min(column.minIndex, column.maxIndex);
    const qsizetype second = std::max(column.minIndex, column.maxIndex);
    out.append(points.at(first));
    if (second != first)
        out.append(points.at(second));
}

int columnOf(double x, double x0, double span, int columns)
{
    const int column = int((x - x0) / span * columns);
    return std::clamp(column, 0, columns - 1);
}

} // namespace

QList<QPointF> downsampleToColumns(const QList<QPointF> &points, int columns)
{
    if (columns <= 0)
        return {};
    if (points.size() <= 2 * qsizetype(columns))
        return points;

    const double x0 = points.first().x();
    const double span = points.last().x() - x0;
    if (span <= 0)
        return {points.first(), points.last()};

    QList<QPointF> out;
    out.reserve(2 * columns);
    Column current;
    int currentColumn = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const int column = columnOf(points.at(i).x(), x0, span, columns);
        if (column != currentColumn) {
            appendColumn(out, points, current);
            current = {};
            currentColumn = column;
        }
        if (current.minIndex < 0 || points.at(i).y() < points.at(current.minIndex).y())
            current.minIndex = i;
        if (current.maxIndex < 0 || points.at(i).y() > points.at(current.maxIndex).y())
            current.maxIndex = i;
    }
    appendColumn(out, points, current);
    return out;
}

} // namespace poc
