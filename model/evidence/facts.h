#pragma once

#include "core/config.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace poc {

// How a recorded fact compares with the live results. `Recorded` facts have no live
// check and are shown as recorded, with their age.
enum class FactState { Confirmed, Contradicted, Unverified, Recorded };

// The identity providers a sign-in redirect can be attributed to.
enum class IdentityProvider { Unknown, Entra, Okta };

struct FactResult {
    QString id;
    QString title;
    QString value;    // as recorded
    QString category; // evaluation category, may be empty
    FactCheck check = FactCheck::None;
    FactState state = FactState::Recorded;
    QString reason;   // one sentence saying why the state was chosen
    QString observed; // what the live check saw (e.g. the sign-in host), may be empty
    QDate asOf;
    qint64 ageDays = 0;
    bool stale = false;     // not confirmed live and recorded longer ago than facts.staleAfter
    QDateTime checkedAt;    // UTC, invalid for facts without a live check
    QDateTime lastConfirmedAt; // UTC, the latest evaluation that confirmed it
};

// A note shown above the facts table for one evaluation category.
struct CategoryNote {
    QString category; // "2", "5"
    QString title;
    QString text;
    bool gap = false; // the note records a gap against the evaluation criteria
};

// Evaluates every configured fact against a snapshot document (the JSON that
// `check --format json` prints). `now` sets the age of each fact. Pass the previous
// results to carry `lastConfirmedAt` forward across evaluations.
QList<FactResult> evaluateFacts(const FactsConfig &config,
                                const QJsonObject &snapshot,
                                const QDateTime &now,
                                const QList<FactResult> &previous = {});

// Attributes a sign-in host to Entra ID or Okta, ignoring case.
IdentityProvider identityProviderForHost(const QString &host);

QString toString(FactState state);      // "confirmed", "contradicted", "unverified", "recorded"
QString displayText(FactState state);   // "confirmed", ..., "as recorded"
QString toString(IdentityProvider provider); // "entra", "okta", "unknown"
QString displayName(IdentityProvider provider); // "Entra ID", "Okta", "unknown"

// The `facts` section of the snapshot document: id, state, checked_at, title, value,
// category, check, as_of, age_days, stale, reason, observed, last_confirmed_at.
QJsonArray factsJson(const QList<FactResult> &results);

// Reads back what factsJson() wrote, e.g. from a saved snapshot for a report.
QList<FactResult> factsFromJson(const QJsonArray &array);

// Category notes for the facts panel and the report: the identity gap (category 2)
// while the sign-in redirect goes to Entra ID, and the observability gaps (category 5).
QList<CategoryNote> categoryNotes(const QList<FactResult> &results, const QJsonObject &snapshot);

} // namespace poc
