#pragma once

#include "core/config.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace poc {

struct KibanaResult;
struct MimirResult;

enum class GapState { Open, Closed, Unknown };

// "open", "closed", "unknown".
QString toString(GapState state);

// The conclusion of a gap rule on one Kibana or Mimir result, with the evidence behind it.
struct GapEvaluation {
    QString id;
    GapState state = GapState::Unknown;
    QString reason; // user-facing sentence: why the gap is in this state

    GapSource source = GapSource::Kibana;
    QString queryId;
    qint64 count = -1;               // Kibana hits or Mimir series; -1 when unknown
    bool countIsLowerBound = false;  // Elasticsearch counted at least `count`
    QDateTime lastSeen;              // newest matching log line (Kibana)
    QString sampleLine;              // newest matching message (Kibana)
    QDateTime evidenceAt;            // when the evidence was fetched

    // {"source", "query", "count", "count_is_lower_bound", "last_seen", "sample", "fetched_at", "reason"}
    QJsonObject evidenceJson() const;
};

// Evidence older than this is stale unless the caller passes another limit:
// twice the default poll interval.
inline constexpr Milliseconds kDefaultStaleAfter = 2 * PollingConfig{}.interval;

// Evaluates `rule` against the result of its query (null when the query did not run).
// Kibana rules read `kibana`, Mimir rules read `mimir`. A gap is unknown when its source
// is not configured, its query failed, or its evidence is older than `staleAfter` at `now`.
GapEvaluation evaluateGap(const GapRule &rule, const KibanaResult *kibana, const MimirResult *mimir,
                          const QDateTime &now, Milliseconds staleAfter = kDefaultStaleAfter);

// A change of a gap's state.
struct GapTransition {
    QString id;
    GapState from = GapState::Unknown;
    GapState to = GapState::Unknown;
    QDateTime at;
};

// Remembers since when each gap has been in its state, and when it last went from open
// to closed: the moment a fix took effect, which evaluators capture.
class GapTracker final
{
public:
    struct Entry {
        GapState state = GapState::Unknown;
        QDateTime since;            // first evaluation in the current state
        std::optional<GapState> previous;
        QDateTime changedAt;        // last state change; invalid before the first change
        QDateTime closedAt;         // last time an open gap was found closed; invalid if never
    };

    // Records the state of gap `id` at `at`; returns the transition when the state changed.
    // The first record of a gap is no transition. A pass through unknown still counts
    // open -> closed as a closing, because the last known state was open.
    std::optional<GapTransition> record(const QString &id, GapState state, const QDateTime &at);

    // The entry of gap `id`; null before its first record.
    const Entry *entry(const QString &id) const;

private:
    QHash<QString, Entry> m_entries;
    QHash<QString, GapState> m_lastKnown; // last open or closed state, skipping unknown
};

} // namespace poc
