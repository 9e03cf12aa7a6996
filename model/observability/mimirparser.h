#pragma once

#include "observability/mimirresult.h"

namespace poc {

struct FetchOutcome;

// Turns a reply of the Prometheus HTTP API (as served by Mimir, Prometheus or a Grafana
// data source proxy) into the state, message and data of `result`. `tenant` names the
// X-Scope-OrgID sent, for messages. Pure and thread-safe.
MimirResult parseMimirReply(MimirResult result, const FetchOutcome &reply, const QString &tenant);

} // namespace poc
