#include "core/logging.h"

Q_LOGGING_CATEGORY(lcConfig, "poc.config", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProbe, "poc.probe", QtWarningMsg)
Q_LOGGING_CATEGORY(lcKibana, "poc.kibana", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMimir, "poc.mimir", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMcp, "poc.mcp", QtWarningMsg)
Q_LOGGING_CATEGORY(lcFixtures, "poc.fixtures", QtWarningMsg)
Q_LOGGING_CATEGORY(lcEvidence, "poc.evidence", QtWarningMsg)
Q_LOGGING_CATEGORY(lcReplica, "poc.replica", QtWarningMsg)
