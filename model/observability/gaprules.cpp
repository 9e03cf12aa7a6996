#include "observability/gaprules.h"

#include "observability/kibanaresult.h"
#include "observability/mimirresult.h"

using namespace Qt::StringLiterals;

namespace poc {

namespace {

GapEvaluation unknown(GapEvaluation evaluation, const QString &reason)
{
    evaluation.state = GapState::Unknown;
    evaluation.reason = reason;
    return evaluation;
}

bool isStale(const QDateTime &fetchedAt, const QDateTime &now, Milliseconds staleAfter)
{
    return !fetchedAt.isValid() || fetchedAt.msecsTo(now) > staleAfter.count();
}

GapState stateFor(GapOpenWhen openWhen, qint64 count)
{
    const bool open = openWhen == GapOpenWhen::Hits ? count > 0 : count == 0;
    return open ? GapState::Open : GapState::Closed;
}

QString countReason(GapOpenWhen openWhen, qint64 count, const QString &what)
{
    if (openWhen == GapOpenWhen::Hits)
        return count > 0 ? u"%1 %2 found in the window."_s.arg(count).arg(what) : u"No %1 found over the whole window."_s.arg(what);
    return count == 0 ? u"No %1 found."_s.arg(what) : u"%1 %2 found."_s.arg(count).arg(what);
}

GapEvaluation evaluateKibana(GapEvaluation evaluation, const GapRule &rule, const KibanaResult *result,
                             const QDateTime &now, Milliseconds staleAfter)
{
    if (!result || result->state == FetchState::NotConfigured)
        return unknown(std::move(evaluation), u"Kibana is not configured, so there is no log evidence."_s);
    evaluation.evidenceAt = result->fetchedAt;
    if (!result->hasData())
        return unknown(std::move(evaluation), u"The Kibana query failed: %1"_s.arg(result->message));
    if (isStale(result->fetchedAt, now, staleAfter))
        return unknown(std::move(evaluation), u"The evidence is stale: the last Kibana result is from %1."_s
                                                  .arg(result->fetchedAt.toString(Qt::ISODate)));

    evaluation.count = result->totalHits;
    evaluation.countIsLowerBound = result->totalIsLowerBound;
    evaluation.lastSeen = result->lastOccurrence;
    if (!result->lines.isEmpty())
        evaluation.sampleLine = result->lines.first().message;

    // A partial search that found hits still proves them; one that found none proves nothing.
    if (result->state == FetchState::Partial && result->totalHits == 0)
        return unknown(std::move(evaluation), u"The Kibana search was incomplete and found no hits: %1"_s
                                                  .arg(result->warnings.join(u" "_s)));

    evaluation.state = stateFor(rule.openWhen, result->totalHits);
    evaluation.reason = countReason(rule.openWhen, result->totalHits, u"matching log lines"_s);
    return evaluation;
}

GapEvaluation evaluateMimir(GapEvaluation evaluation, const GapRule &rule, const MimirResult *result,
                            const QDateTime &now, Milliseconds staleAfter)
{
    if (!result || result->state == FetchState::NotConfigured)
        return unknown(std::move(evaluation), u"Mimir is not configured, so there is no metric evidence."_s);
    evaluation.evidenceAt = result->fetchedAt;
    if (!result->hasData())
        return unknown(std::move(evaluation), u"The Mimir query failed: %1"_s.arg(result->message));
    if (isStale(result->fetchedAt, now, staleAfter))
        return unknown(std::move(evaluation), u"The evidence is stale: the last Mimir result is from %1."_s
                                                  .arg(result->fetchedAt.toString(Qt::ISODate)));

    evaluation.count = result->seriesCount();
    evaluation.state = stateFor(rule.openWhen, evaluation.count);
    evaluation.reason = countReason(rule.openWhen, evaluation.count, u"matching series"_s);
    return evaluation;
}

} // namespace

QString toString(GapState state)
{
    switch (state) {
    case GapState::Open: return u"open"_s;
    case GapState::Closed: return u"closed"_s;
    case GapState::Unknown: return u"unknown"_s;
    }
    return u"unknown"_s;
}

QJsonObject GapEvaluation::evidenceJson() const
{
    QJsonObject json{
        {u"source"_s, source == GapSource::Kibana ? u"kibana"_s : u"mimir"_s},
        {u"query"_s, queryId},
        {u"reason"_s, reason},
    };
    // Kibana evidence counts log lines and Mimir evidence counts series, and the key names which.
    if (count >= 0)
        json.insert(source == GapSource::Kibana ? u"count"_s : u"series_count"_s, count);
    if (countIsLowerBound)
        json.insert(u"count_is_lower_bound"_s, true);
    if (lastSeen.isValid())
        json.insert(u"last_seen"_s, lastSeen.toUTC().toString(Qt::ISODate));
    if (!sampleLine.isEmpty())
        json.insert(u"sample"_s, sampleLine);
    if (evidenceAt.isValid())
        json.insert(u"fetched_at"_s, evidenceAt.toUTC().toString(Qt::ISODate));
    return json;
}

GapEvaluation evaluateGap(const GapRule &rule, const KibanaResult *kibana, const MimirResult *mimir,
                          const QDateTime &now, Milliseconds staleAfter)
{
    GapEvaluation evaluation;
    evaluation.id = rule.id;
    evaluation.source = rule.source;
    evaluation.queryId = rule.query;

    if (rule.source == GapSource::Kibana)
        return evaluateKibana(std::move(evaluation), rule, kibana, now, staleAfter);
    return evaluateMimir(std::move(evaluation), rule, mimir, now, staleAfter);
}

std::optional<GapTransition> GapTracker::record(const QString &id, GapState state, const QDateTime &at)
{
    const auto found = m_entries.find(id);
    if (found == m_entries.end()) {
        m_entries.insert(id, Entry{state, at, std::nullopt, {}, {}});
        if (state != GapState::Unknown)
            m_lastKnown.insert(id, state);
        return std::nullopt;
    }

    Entry &entry = found.value();
    if (entry.state == state)
        return std::nullopt;

    const GapTransition transition{id, entry.state, state, at};
    if (state == GapState::Closed && m_lastKnown.value(id, GapState::Unknown) == GapState::Open)
        entry.closedAt = at;
    if (state != GapState::Unknown)
        m_lastKnown.insert(id, state);

    entry.previous = entry.state;
    entry.state = state;
    entry.since = at;
    entry.changedAt = at;
    return transition;
}

const GapTracker::Entry *GapTracker::entry(const QString &id) const
{
    const auto found = m_entries.constFind(id);
    return found == m_entries.cend() ? nullptr : &found.value();
}

} // namespace poc
