#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace poc::replica {

// The _source fields of a log line, flattened to dotted names ("kubernetes.pod_name"),
// without @timestamp and the per-line trace and correlation ids.
using LogFields = QHash<QString, QString>;

// A log line the Engine repeats every `periodMs`, at times t with t % periodMs == phaseMs
// (Unix milliseconds), so a window always contains the same count whatever the current time.
struct LogStream {
    QString kind;
    qint64 periodMs = 0;
    qint64 phaseMs = 0;
    LogFields fields;
};

// The exact line the Engine logs when its OTLP metric export fails.
QString exportFailureMessage();

// The Engine's log streams: with `fixedData` the collector resolves and the export
// failure stream is absent.
QList<LogStream> engineLogStreams(bool fixedData);

// Lines of `stream` with fromMs <= t <= toMs.
qint64 countLines(const LogStream &stream, qint64 fromMs, qint64 toMs);

// Up to `limit` timestamps of `stream` within [fromMs, toMs], newest first unless `ascending`.
QList<qint64> lineTimes(const LogStream &stream, qint64 fromMs, qint64 toMs, qsizetype limit, bool ascending);

// The _source document and the _id of one line.
QJsonObject logSource(const LogStream &stream, qint64 timestampMs);
QString logDocumentId(const LogStream &stream, qint64 timestampMs);
QString logIndexName(qint64 timestampMs);

// Elasticsearch's default rendering of a date: 2026-06-18T09:15:07.000Z.
QString formatEsDate(qint64 timestampMs);

} // namespace poc::replica
