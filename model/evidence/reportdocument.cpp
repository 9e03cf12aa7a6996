#include "evidence/reportdocument.h"

#include "evidence/facts.h"
#include "evidence/factsmodel.h"

#include <QJsonArray>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

// Log samples are cut here so that one long message does not stretch the gap table.
constexpr qsizetype kMaxSampleLength = 240;

QString text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return number == double(qint64(number)) ? QString::number(qint64(number)) : QString::number(number, 'f', 1);
    }
    case QJsonValue::Bool:
        return value.toBool() ? u"yes"_s : u"no"_s;
    default:
        return {};
    }
}

QString field(const QJsonObject &object, const QString &key)
{
    return text(object.value(key));
}

QString percent(const QJsonValue &value)
{
    return value.isDouble() ? u"%1 %"_s.arg(value.toDouble(), 0, 'f', 1) : u"n/a"_s;
}

QString elide(const QString &line)
{
    return line.size() <= kMaxSampleLength ? line : line.left(kMaxSampleLength - 1) + u"…"_s;
}

QDateTime parseTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate).toUTC();
}

QString formatTime(const QDateTime &time)
{
    return time.isValid() ? time.toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s) : QString();
}

QString timeRange(const ReportInput &input)
{
    const QDateTime generated = parseTime(input.snapshot.value(u"generated_at"_s));
    QDateTime started = input.sessionStartedAt.toUTC();
    if (!started.isValid())
        started = parseTime(input.snapshot.value(u"session_started_at"_s));

    if (!started.isValid() || started == generated)
        return u"a single check at %1"_s.arg(formatTime(generated));
    return u"%1 to %2 (this session)"_s.arg(formatTime(started), formatTime(generated));
}

ReportSection environmentSection(const ReportInput &input)
{
    const QJsonObject &snapshot = input.snapshot;
    const bool demo = snapshot.value(u"demo"_s).toBool();

    ReportSection section;
    section.title = u"Environment"_s;
    section.fields = {
        {u"Environment"_s, field(snapshot, u"environment"_s)},
        {u"Demo data"_s, demo ? u"yes: DEMO, every figure comes from the local replica"_s : u"no"_s},
        {u"Time range"_s, timeRange(input)},
        {u"Generated at"_s, field(snapshot, u"generated_at"_s)},
        {u"App version"_s, field(snapshot, u"app_version"_s)},
        {u"Config SHA-256"_s, field(snapshot, u"config_sha256"_s)},
    };
    section.paragraphs = {
        u"The data behind each section is in endpoints.json, observability.json, gaps.json, "
        "fixtures.json and facts.json, and each table is also a CSV file. "
        "Check that no file changed with `sha256sum -c SHA256SUMS` in this folder."_s,
    };
    return section;
}

ReportTable endpointsTable(const QJsonArray &endpoints)
{
    ReportTable table{u"endpoints.csv"_s, {}, {}, u"No endpoint results."_s};
    table.table.headers = {u"Endpoint"_s, u"URL"_s, u"State"_s, u"HTTP"_s, u"Latency (ms)"_s,
                           u"TLS days left"_s, u"Uptime (session)"_s, u"Uptime (last hour)"_s,
                           u"Checked at"_s, u"Error"_s};
    for (const QJsonValue &entry : endpoints) {
        const QJsonObject endpoint = entry.toObject();
        const QString displayed = field(endpoint, u"displayed_state"_s);
        table.table.rows.append({
            field(endpoint, u"name"_s), field(endpoint, u"url"_s),
            displayed.isEmpty() ? field(endpoint, u"state"_s) : displayed,
            field(endpoint, u"http_status"_s), field(endpoint, u"latency_ms"_s),
            field(endpoint, u"tls_days_left"_s),
            percent(endpoint.value(u"uptime_session"_s)), percent(endpoint.value(u"uptime_hour"_s)),
            field(endpoint, u"checked_at"_s), field(endpoint, u"error"_s),
        });
    }
    return table;
}

ReportSection endpointsSection(const QJsonObject &snapshot)
{
    ReportSection section;
    section.title = u"Endpoints"_s;
    section.paragraphs = {u"Uptime is the share of checks with a healthy answer, over this session "
                          "and over the last hour."_s};
    section.tables = {endpointsTable(snapshot.value(u"endpoints"_s).toArray())};
    return section;
}

QString gapEvidence(const QJsonObject &gap)
{
    const QJsonObject evidence = gap.value(u"evidence"_s).toObject();
    QStringList parts;
    if (evidence.contains(u"count"_s))
        parts.append(u"%1 matching log lines"_s.arg(field(evidence, u"count"_s)));
    if (evidence.contains(u"series_count"_s))
        parts.append(u"%1 series"_s.arg(field(evidence, u"series_count"_s)));
    if (!field(evidence, u"last_seen"_s).isEmpty())
        parts.append(u"last seen %1"_s.arg(field(evidence, u"last_seen"_s)));
    if (!field(evidence, u"sample"_s).isEmpty())
        parts.append(u"sample: %1"_s.arg(elide(field(evidence, u"sample"_s))));
    return parts.join(u"; "_s);
}

ReportTable gapsTable(const QJsonArray &gaps)
{
    ReportTable table{u"gaps.csv"_s, {}, {}, u"No gap results."_s};
    table.table.headers = {u"Gap"_s, u"Id"_s, u"State"_s, u"Since"_s, u"Changed at"_s, u"Evidence"_s, u"Fix"_s};
    for (const QJsonValue &entry : gaps) {
        const QJsonObject gap = entry.toObject();
        table.table.rows.append({field(gap, u"title"_s), field(gap, u"id"_s), field(gap, u"state"_s),
                                 field(gap, u"since"_s), field(gap, u"changed_at"_s), gapEvidence(gap),
                                 field(gap, u"fix"_s)});
    }
    return table;
}

QString kibanaTotal(const QJsonObject &query)
{
    const QString total = field(query, u"total_hits"_s);
    return field(query, u"total_relation"_s) == u"gte"_s ? u"≥ "_s + total : total;
}

ReportTable kibanaTable(const QJsonObject &kibana)
{
    const bool configured = kibana.value(u"configured"_s).toBool();
    ReportTable table{u"kibana-queries.csv"_s, u"Kibana log queries"_s, {},
                      configured ? u"No Kibana query results."_s : u"Kibana is not configured."_s};
    table.table.headers = {u"Query"_s, u"Hits"_s, u"Last seen"_s, u"From"_s, u"To"_s,
                           u"Discover"_s, u"Error"_s};
    for (const QJsonValue &entry : kibana.value(u"queries"_s).toArray()) {
        const QJsonObject query = entry.toObject();
        table.table.rows.append({field(query, u"title"_s), kibanaTotal(query), field(query, u"last_occurrence"_s),
                                 field(query, u"from"_s), field(query, u"to"_s),
                                 field(query, u"discover_url"_s), field(query, u"message"_s)});
    }
    return table;
}

ReportTable mimirTable(const QJsonObject &mimir)
{
    const bool configured = mimir.value(u"configured"_s).toBool();
    ReportTable table{u"mimir-queries.csv"_s, u"Mimir metric queries"_s, {},
                      configured ? u"No Mimir query results."_s : u"Mimir is not configured."_s};
    table.table.headers = {u"Query"_s, u"PromQL"_s, u"Kind"_s, u"Series"_s, u"Explore"_s, u"Error"_s};
    for (const QJsonValue &entry : mimir.value(u"queries"_s).toArray()) {
        const QJsonObject query = entry.toObject();
        table.table.rows.append({field(query, u"title"_s), field(query, u"promql"_s), field(query, u"kind"_s),
                                 field(query, u"series_count"_s), field(query, u"explore_url"_s),
                                 field(query, u"message"_s)});
    }
    return table;
}

ReportSection observabilitySection(const QJsonObject &snapshot)
{
    const QJsonObject mimir = snapshot.value(u"mimir"_s).toObject();
    ReportSection section;
    section.title = u"Observability gaps (category 5)"_s;
    if (!field(mimir, u"tenant"_s).isEmpty())
        section.fields = {{u"Mimir tenant"_s, field(mimir, u"tenant"_s)}};
    section.tables = {gapsTable(snapshot.value(u"gaps"_s).toArray()),
                      kibanaTable(snapshot.value(u"kibana"_s).toObject()), mimirTable(mimir)};
    return section;
}

ReportSection fixturesSection(const QJsonObject &snapshot)
{
    ReportTable table{u"fixtures.csv"_s, {}, {}, u"No fixtures in this snapshot."_s};
    table.table.headers = {u"Fixture"_s, u"Value"_s, u"Status"_s, u"Task"_s, u"Verified at"_s, u"Note"_s};
    for (const QJsonValue &entry : snapshot.value(u"fixtures"_s).toArray()) {
        const QJsonObject fixture = entry.toObject();
        table.table.rows.append({field(fixture, u"id"_s), field(fixture, u"value"_s), field(fixture, u"status"_s),
                                 field(fixture, u"task"_s), field(fixture, u"verified_at"_s),
                                 field(fixture, u"note"_s)});
    }

    ReportSection section;
    section.title = u"Phase 1 fixtures"_s;
    section.paragraphs = {u"The API key appears as its label and last 4 characters only."_s};
    section.tables = {table};
    return section;
}

ReportSection factsSection(const QJsonObject &snapshot)
{
    const QList<FactResult> results = factsFromJson(snapshot.value(u"facts"_s).toArray());
    FactsModel model;
    model.setResults(results);

    ReportSection section;
    section.title = u"Frozen facts"_s;
    for (const CategoryNote &note : categoryNotes(results, snapshot))
        section.notes.append({note.title, note.text});
    section.tables = {{u"facts.csv"_s, {}, textTableFromModel(model), u"No facts in this snapshot."_s}};
    return section;
}

ReportSection capturesSection(const QList<ReportImage> &images)
{
    ReportSection section;
    section.title = u"Captures"_s;
    section.images = images;
    section.emptyText = u"No captures were included."_s;
    return section;
}

} // namespace

QList<ReportTable> ReportDocument::allTables() const
{
    QList<ReportTable> tables;
    for (const ReportSection &section : sections)
        tables.append(section.tables);
    return tables;
}

ReportDocument buildReportDocument(const ReportInput &input, const QList<ReportImage> &images)
{
    const QJsonObject &snapshot = input.snapshot;
    ReportDocument document;
    document.demo = snapshot.value(u"demo"_s).toBool();
    document.title = u"Arcade POC evidence report: %1"_s.arg(field(snapshot, u"environment"_s));
    document.sections = {
        environmentSection(input), endpointsSection(snapshot), observabilitySection(snapshot),
        fixturesSection(snapshot), factsSection(snapshot), capturesSection(images),
    };
    return document;
}

} // namespace poc
