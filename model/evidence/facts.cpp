#include "evidence/facts.h"

#include <QHash>
#include <QJsonValue>
#include <QStringList>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

// The outcome of one live check before age and carry-over are added.
struct CheckOutcome {
    FactState state = FactState::Unverified;
    QString reason;
    QString observed;
    QDateTime checkedAt;
};

const QString kCollectorGap = u"otel-collector-missing"_s;
const QString kBridgeGap = u"otlp-prometheus-bridge-missing"_s;
const QString kGatewayFixture = u"baseline-gateway"_s;

QDateTime parseTime(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString formatTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime generatedAt(const QJsonObject &snapshot)
{
    return parseTime(snapshot.value(u"generated_at"_s));
}

QJsonObject findById(const QJsonArray &array, const QString &key, const QString &id)
{
    for (const QJsonValue &entry : array) {
        if (entry.toObject().value(key).toString() == id)
            return entry.toObject();
    }
    return {};
}

QString endpointState(const QJsonObject &endpoint)
{
    const QString displayed = endpoint.value(u"displayed_state"_s).toString();
    return displayed.isEmpty() ? endpoint.value(u"state"_s).toString() : displayed;
}

bool endpointAnswers(const QString &state)
{
    return state == u"up"_s || state == u"auth_required"_s || state == u"degraded"_s;
}

QDateTime latestCheck(const QJsonArray &endpoints, const QDateTime &fallback)
{
    QDateTime latest;
    for (const QJsonValue &entry : endpoints) {
        const QDateTime checked = parseTime(entry.toObject().value(u"checked_at"_s));
        if (checked.isValid() && (!latest.isValid() || checked > latest))
            latest = checked;
    }
    return latest.isValid() ? latest : fallback;
}

QString describeEndpoint(const QJsonObject &endpoint)
{
    const QString name = endpoint.value(u"name"_s).toString();
    const QString error = endpoint.value(u"error"_s).toString();
    const QString state = endpointState(endpoint);
    return error.isEmpty() ? u"%1 (%2)"_s.arg(name, state) : u"%1 (%2: %3)"_s.arg(name, state, error);
}

CheckOutcome checkEndpointsAnswer(const QJsonObject &snapshot)
{
    const QJsonArray endpoints = snapshot.value(u"endpoints"_s).toArray();
    CheckOutcome outcome;
    outcome.checkedAt = latestCheck(endpoints, generatedAt(snapshot));
    if (endpoints.isEmpty()) {
        outcome.reason = u"No endpoint results yet."_s;
        return outcome;
    }

    QStringList unreachable;
    QStringList silent;
    for (const QJsonValue &entry : endpoints) {
        const QJsonObject endpoint = entry.toObject();
        const QString state = endpointState(endpoint);
        if (state == u"unreachable"_s)
            unreachable.append(describeEndpoint(endpoint));
        else if (!endpointAnswers(state))
            silent.append(describeEndpoint(endpoint));
    }

    if (!unreachable.isEmpty()) {
        outcome.state = FactState::Contradicted;
        outcome.reason = u"Unreachable: %1."_s.arg(unreachable.join(u"; "_s));
    } else if (!silent.isEmpty()) {
        outcome.reason = u"No usable answer from %1."_s.arg(silent.join(u"; "_s));
    } else {
        outcome.state = FactState::Confirmed;
        outcome.reason = u"All %1 endpoints answer."_s.arg(endpoints.size());
    }
    return outcome;
}

CheckOutcome checkGatewayUrlForm(const QJsonObject &snapshot)
{
    const QJsonObject gateway = snapshot.value(u"gateway"_s).toObject();
    const QJsonObject fixture = findById(snapshot.value(u"fixtures"_s).toArray(), u"id"_s, kGatewayFixture);
    const QString url = gateway.value(u"url"_s).toString();

    CheckOutcome outcome;
    outcome.observed = url;
    outcome.checkedAt = parseTime(gateway.value(u"checked_at"_s));
    if (!outcome.checkedAt.isValid())
        outcome.checkedAt = generatedAt(snapshot);

    if (gateway.value(u"http_status"_s).toInt() == 404) {
        outcome.state = FactState::Contradicted;
        outcome.reason = u"The gateway URL %1 returned 404 Not Found."_s.arg(url);
    } else if (gateway.value(u"initialized"_s).toBool()) {
        outcome.state = FactState::Confirmed;
        outcome.reason = u"The gateway URL %1 answered an MCP initialize request."_s.arg(url);
    } else if (fixture.value(u"status"_s).toString() == u"verified"_s) {
        outcome.state = FactState::Confirmed;
        outcome.reason = u"The baseline gateway fixture was verified through the gateway."_s;
        const QDateTime verifiedAt = parseTime(fixture.value(u"verified_at"_s));
        if (verifiedAt.isValid())
            outcome.checkedAt = verifiedAt;
    } else {
        outcome.reason = u"No MCP initialize through the gateway and no verified baseline gateway fixture yet."_s;
    }
    return outcome;
}

QString gapEvidenceSummary(const QJsonObject &gap)
{
    const QJsonObject evidence = gap.value(u"evidence"_s).toObject();
    QStringList parts;
    if (evidence.contains(u"count"_s))
        parts.append(u"%1 matching log lines"_s.arg(evidence.value(u"count"_s).toInteger()));
    if (evidence.contains(u"series_count"_s))
        parts.append(u"%1 series"_s.arg(evidence.value(u"series_count"_s).toInteger()));
    const QString lastSeen = evidence.value(u"last_seen"_s).toString();
    if (!lastSeen.isEmpty())
        parts.append(u"last seen %1"_s.arg(lastSeen));
    return parts.join(u", "_s);
}

CheckOutcome checkGap(const QJsonObject &snapshot, const QString &gapId)
{
    const QJsonObject gap = findById(snapshot.value(u"gaps"_s).toArray(), u"id"_s, gapId);
    const QString state = gap.value(u"state"_s).toString();
    const QString evidence = gapEvidenceSummary(gap);
    const QString detail = evidence.isEmpty() ? QString() : u" (%1)"_s.arg(evidence);

    CheckOutcome outcome;
    outcome.checkedAt = generatedAt(snapshot);
    outcome.observed = state;
    if (state == u"open"_s) {
        outcome.state = FactState::Confirmed;
        outcome.reason = u"Gap %1 is open%2."_s.arg(gapId, detail);
    } else if (state == u"closed"_s) {
        outcome.state = FactState::Contradicted;
        outcome.reason = u"Gap %1 is closed%2."_s.arg(gapId, detail);
    } else if (gap.isEmpty()) {
        outcome.reason = u"No result for gap %1."_s.arg(gapId);
    } else {
        outcome.reason = u"The evidence for gap %1 could not be fetched."_s.arg(gapId);
    }
    return outcome;
}

QJsonObject signInEndpoint(const QJsonArray &endpoints)
{
    const QJsonObject dashboard = findById(endpoints, u"name"_s, u"dashboard"_s);
    if (!dashboard.value(u"sign_in_host"_s).toString().isEmpty())
        return dashboard;

    for (const QJsonValue &entry : endpoints) {
        if (!entry.toObject().value(u"sign_in_host"_s).toString().isEmpty())
            return entry.toObject();
    }
    return dashboard;
}

CheckOutcome checkIdentityProvider(const QJsonObject &snapshot, const QString &expected)
{
    const QJsonObject endpoint = signInEndpoint(snapshot.value(u"endpoints"_s).toArray());
    const QString host = endpoint.value(u"sign_in_host"_s).toString();
    const IdentityProvider provider = identityProviderForHost(host);

    CheckOutcome outcome;
    outcome.observed = host;
    outcome.checkedAt = parseTime(endpoint.value(u"checked_at"_s));
    if (!outcome.checkedAt.isValid())
        outcome.checkedAt = generatedAt(snapshot);

    if (host.isEmpty()) {
        outcome.reason = u"No sign-in redirect seen from the Dashboard."_s;
    } else if (provider == IdentityProvider::Unknown) {
        outcome.reason = u"Sign-in host %1 belongs to neither Entra ID nor Okta."_s.arg(host);
    } else if (toString(provider) == expected.trimmed().toLower()) {
        outcome.state = FactState::Confirmed;
        outcome.reason = u"Sign-in redirects to %1 (%2)."_s.arg(host, displayName(provider));
    } else {
        outcome.state = FactState::Contradicted;
        outcome.reason = u"Sign-in redirects to %1 (%2), not %3."_s.arg(host, displayName(provider), expected);
    }
    return outcome;
}

CheckOutcome runCheck(const FactConfig &fact, const QJsonObject &snapshot)
{
    switch (fact.check) {
    case FactCheck::None:
        break;
    case FactCheck::EndpointsAnswer:
        return checkEndpointsAnswer(snapshot);
    case FactCheck::GatewayUrlForm:
        return checkGatewayUrlForm(snapshot);
    case FactCheck::ExportFailureInKibana:
        return checkGap(snapshot, kCollectorGap);
    case FactCheck::NoEngineSeriesInMimir:
        return checkGap(snapshot, kBridgeGap);
    case FactCheck::IdentityProvider:
        return checkIdentityProvider(snapshot, fact.expected);
    }
    return {FactState::Recorded, u"Recorded, not checked live."_s, {}, {}};
}

bool isStale(const FactResult &result, const FactsConfig &config, const QDateTime &now)
{
    if (!result.asOf.isValid())
        return false;
    if (result.state == FactState::Confirmed || result.state == FactState::Contradicted)
        return false;

    const QDateTime recorded(result.asOf, QTime(0, 0), QTimeZone::utc());
    return recorded.addMSecs(config.staleAfter.count()) < now;
}

QDateTime previousConfirmation(const QList<FactResult> &previous, const QString &id)
{
    for (const FactResult &result : previous) {
        if (result.id == id)
            return result.lastConfirmedAt;
    }
    return {};
}

QString checkName(FactCheck check)
{
    return check == FactCheck::None ? QString() : toString(check);
}

FactCheck checkFromName(const QString &name)
{
    for (FactCheck check : {FactCheck::EndpointsAnswer, FactCheck::GatewayUrlForm,
                            FactCheck::ExportFailureInKibana, FactCheck::NoEngineSeriesInMimir,
                            FactCheck::IdentityProvider}) {
        if (toString(check) == name)
            return check;
    }
    return FactCheck::None;
}

FactState stateFromName(const QString &name)
{
    for (FactState state : {FactState::Confirmed, FactState::Contradicted, FactState::Unverified}) {
        if (toString(state) == name)
            return state;
    }
    return FactState::Recorded;
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(formatTime(time)) : QJsonValue(QJsonValue::Null);
}

const FactResult *findCheck(const QList<FactResult> &results, FactCheck check)
{
    for (const FactResult &result : results) {
        if (result.check == check)
            return &result;
    }
    return nullptr;
}

CategoryNote identityNote(const FactResult &identity)
{
    const IdentityProvider provider = identityProviderForHost(identity.observed);
    CategoryNote note;
    note.category = u"2"_s;
    note.title = u"Identity (category 2)"_s;
    if (provider == IdentityProvider::Entra) {
        note.gap = true;
        note.text = u"Entra ID, not Okta yet: the Dashboard signs in through %1. Okta is the target "
                    "of the evaluation criteria, so score identity with this gap noted."_s.arg(identity.observed);
    } else if (provider == IdentityProvider::Okta) {
        note.text = u"The Dashboard signs in through Okta (%1)."_s.arg(identity.observed);
    } else {
        note.gap = true;
        note.text = u"Upstream identity provider not confirmed live: %1"_s.arg(identity.reason);
    }
    return note;
}

QString gapLine(const QJsonObject &gap)
{
    const QString id = gap.value(u"id"_s).toString();
    const QString title = gap.value(u"title"_s).toString();
    const QString state = gap.value(u"state"_s).toString(u"unknown"_s);
    const QString since = gap.value(u"since"_s).toString();
    const QString evidence = gapEvidenceSummary(gap);

    QString line = u"%1 (%2): %3"_s.arg(title.isEmpty() ? id : title, id, state);
    if (!since.isEmpty())
        line += u" since %1"_s.arg(since);
    if (!evidence.isEmpty())
        line += u"; %1"_s.arg(evidence);
    return line + u'.';
}

CategoryNote observabilityNote(const QJsonObject &snapshot)
{
    CategoryNote note;
    note.category = u"5"_s;
    note.title = u"Observability (category 5)"_s;

    QStringList lines;
    for (const QString &id : {kCollectorGap, kBridgeGap}) {
        const QJsonObject gap = findById(snapshot.value(u"gaps"_s).toArray(), u"id"_s, id);
        if (gap.isEmpty()) {
            lines.append(u"%1: no result yet."_s.arg(id));
            continue;
        }
        note.gap = note.gap || gap.value(u"state"_s).toString() != u"closed"_s;
        lines.append(gapLine(gap));
    }
    note.text = lines.join(u'\n');
    return note;
}

} // namespace

IdentityProvider identityProviderForHost(const QString &host)
{
    const QString name = host.trimmed().toLower();
    if (name == u"login.microsoftonline.com"_s || name == u"login.windows.net"_s)
        return IdentityProvider::Entra;

    for (const QString &suffix : {u".okta.com"_s, u".oktapreview.com"_s, u".okta-emea.com"_s}) {
        if (name.endsWith(suffix))
            return IdentityProvider::Okta;
    }
    return IdentityProvider::Unknown;
}

QList<FactResult> evaluateFacts(const FactsConfig &config,
                                const QJsonObject &snapshot,
                                const QDateTime &now,
                                const QList<FactResult> &previous)
{
    QList<FactResult> results;
    for (const FactConfig &fact : config.items) {
        const CheckOutcome outcome = runCheck(fact, snapshot);

        FactResult result{fact.id, fact.title, fact.value, fact.category, fact.check,
                          outcome.state, outcome.reason, outcome.observed, fact.asOf};
        result.ageDays = fact.asOf.isValid() ? fact.asOf.daysTo(now.toUTC().date()) : 0;
        result.stale = isStale(result, config, now);
        result.checkedAt = outcome.checkedAt;
        result.lastConfirmedAt = outcome.state == FactState::Confirmed
            ? outcome.checkedAt
            : previousConfirmation(previous, fact.id);
        results.append(result);
    }
    return results;
}

QString toString(FactState state)
{
    switch (state) {
    case FactState::Confirmed:
        return u"confirmed"_s;
    case FactState::Contradicted:
        return u"contradicted"_s;
    case FactState::Unverified:
        return u"unverified"_s;
    case FactState::Recorded:
        return u"recorded"_s;
    }
    return {};
}

QString displayText(FactState state)
{
    return state == FactState::Recorded ? u"as recorded"_s : toString(state);
}

QString toString(IdentityProvider provider)
{
    switch (provider) {
    case IdentityProvider::Entra:
        return u"entra"_s;
    case IdentityProvider::Okta:
        return u"okta"_s;
    case IdentityProvider::Unknown:
        break;
    }
    return u"unknown"_s;
}

QString displayName(IdentityProvider provider)
{
    switch (provider) {
    case IdentityProvider::Entra:
        return u"Entra ID"_s;
    case IdentityProvider::Okta:
        return u"Okta"_s;
    case IdentityProvider::Unknown:
        break;
    }
    return u"unknown"_s;
}

QJsonArray factsJson(const QList<FactResult> &results)
{
    QJsonArray array;
    for (const FactResult &result : results) {
        array.append(QJsonObject{
            {u"id"_s, result.id},
            {u"state"_s, toString(result.state)},
            {u"checked_at"_s, timeOrNull(result.checkedAt)},
            {u"title"_s, result.title},
            {u"value"_s, result.value},
            {u"category"_s, result.category},
            {u"check"_s, checkName(result.check)},
            {u"as_of"_s, result.asOf.isValid() ? QJsonValue(result.asOf.toString(Qt::ISODate)) : QJsonValue()},
            {u"age_days"_s, result.ageDays},
            {u"stale"_s, result.stale},
            {u"reason"_s, result.reason},
            {u"observed"_s, result.observed},
            {u"last_confirmed_at"_s, timeOrNull(result.lastConfirmedAt)},
        });
    }
    return array;
}

QList<FactResult> factsFromJson(const QJsonArray &array)
{
    QList<FactResult> results;
    for (const QJsonValue &entry : array) {
        const QJsonObject object = entry.toObject();
        FactResult result;
        result.id = object.value(u"id"_s).toString();
        result.title = object.value(u"title"_s).toString();
        result.value = object.value(u"value"_s).toString();
        result.category = object.value(u"category"_s).toString();
        result.check = checkFromName(object.value(u"check"_s).toString());
        result.state = stateFromName(object.value(u"state"_s).toString());
        result.reason = object.value(u"reason"_s).toString();
        result.observed = object.value(u"observed"_s).toString();
        result.asOf = QDate::fromString(object.value(u"as_of"_s).toString(), Qt::ISODate);
        result.ageDays = object.value(u"age_days"_s).toInteger();
        result.stale = object.value(u"stale"_s).toBool();
        result.checkedAt = parseTime(object.value(u"checked_at"_s));
        result.lastConfirmedAt = parseTime(object.value(u"last_confirmed_at"_s));
        results.append(result);
    }
    return results;
}

QList<CategoryNote> categoryNotes(const QList<FactResult> &results, const QJsonObject &snapshot)
{
    QList<CategoryNote> notes;
    if (const FactResult *identity = findCheck(results, FactCheck::IdentityProvider))
        notes.append(identityNote(*identity));
    notes.append(observabilityNote(snapshot));
    return notes;
}

} // namespace poc
