#pragma once

#include "observability/kibanaresult.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace poc {

struct FetchOutcome;

// Turns a reply of Elasticsearch 7.x/8.x `_search`, or of Kibana's console proxy, into the
// state, message and data of `result` (which arrives with its query, index, URL and window set).
// Pure and thread-safe, so the client runs it off the GUI thread on bodies of many megabytes.
KibanaResult parseKibanaReply(KibanaResult result, const FetchOutcome &reply,
                              const QStringList &fields, const QString &timeField);

// The value at `path` in a document's `_source`, whether stored as nested objects
// ({"Tracing": {"TraceId": ...}}), as a dotted key ({"Tracing.TraceId": ...}) or a mix.
// Undefined when absent.
QJsonValue lookupSourceField(const QJsonObject &source, const QString &path);

} // namespace poc
