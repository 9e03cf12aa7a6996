#pragma once

#include <QList>
#include <QPointF>

namespace poc {

class EndpointTracker;

// The latency history of an endpoint as chart points: x is the check time in ms since
// the Unix epoch, y the latency in ms. Only results that received an HTTP status are
// included, because the latency of a refused or timed-out request measures nothing.
QList<QPointF> latencyPoints(const EndpointTracker &tracker);


} // namespace poc
