#pragma once

#include <QLoggingCategory>

// One category per area, quiet below warning by default; open one with
// QT_LOGGING_RULES="poc.probe.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcProbe)
Q_DECLARE_LOGGING_CATEGORY(lcKibana)
Q_DECLARE_LOGGING_CATEGORY(lcMimir)
Q_DECLARE_LOGGING_CATEGORY(lcMcp)
Q_DECLARE_LOGGING_CATEGORY(lcFixtures)
Q_DECLARE_LOGGING_CATEGORY(lcEvidence)
Q_DECLARE_LOGGING_CATEGORY(lcReplica)
