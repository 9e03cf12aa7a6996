#include "session/snapshotformat.h"

#include "evidence/tableexport.h"
#include "session/monitor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QXmlStreamWriter>

#include <algorithm>

namespace poc {

namespace {

QString text(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

bool isHealthyState(const QString &state)
{
    return state == QLatin1String("up") || state == QLatin1String("auth_required");
}

QString endpointDetail(const QJsonObject &endpoint)
{
    QStringList parts;
    if (endpoint.value(QLatin1String("http_status")).toInt() > 0)
        parts.append(QStringLiteral("HTTP %1").arg(endpoint.value(QLatin1String("http_status")).toInt()));
    parts.append(QStringLiteral("%1 ms").arg(endpoint.value(QLatin1String("latency_ms")).toInt()));
    if (endpoint.value(QLatin1String("tls_days_left")).isDouble())
        parts.append(QStringLiteral("certificate %1 days left").arg(endpoint.value(QLatin1String("tls_days_left")).toInt()));
    if (!text(endpoint, "sign_in_host").isEmpty())
        parts.append(QStringLiteral("sign-in at %1").arg(text(endpoint, "sign_in_host")));
    if (!text(endpoint, "error").isEmpty())
        parts.append(text(endpoint, "error"));
    return parts.join(QStringLiteral(", "));
}

QString gapDetail(const QJsonObject &gap)
{
    const QJsonObject evidence = gap.value(QLatin1String("evidence")).toObject();
    QStringList parts;
    if (evidence.contains(QLatin1String("count")))
        parts.append(QStringLiteral("%1 log lines").arg(evidence.value(QLatin1String("count")).toInteger()));
    if (evidence.contains(QLatin1String("series_count")))
        parts.append(QStringLiteral("%1 series").arg(evidence.value(QLatin1String("series_count")).toInteger()));
    if (!text(evidence, "last_seen").isEmpty())
        parts.append(QStringLiteral("last seen %1").arg(text(evidence, "last_seen")));
    if (text(gap, "state") == QLatin1String("unknown") || parts.isEmpty())
        parts.append(text(gap, "reason"));
    return parts.join(QStringLiteral(", "));
}

// One line per Kibana or Mimir query: what it found, or why it found nothing.
QString queryDetail(const QJsonObject &query)
{
    QStringList parts{text(query, "state")};
    if (query.contains(QLatin1String("total_hits"))) {
        const QString bound = text(query, "total_relation") == QLatin1String("gte") ? QStringLiteral("at least ") : QString();
        parts.append(QStringLiteral("%1%2 hits").arg(bound, text(query, "total_hits")));
    }
    if (query.contains(QLatin1String("series_count")))
        parts.append(QStringLiteral("%1 series").arg(text(query, "series_count")));
    if (!text(query, "last_occurrence").isEmpty())
        parts.append(QStringLiteral("last %1").arg(text(query, "last_occurrence")));
    if (!text(query, "message").isEmpty())
        parts.append(text(query, "message"));
    for (const QJsonValue &warning : query.value(QLatin1String("warnings")).toArray())
        parts.append(QStringLiteral("warning: %1").arg(warning.toString()));
    return parts.join(QStringLiteral(", "));
}

QStringList evidenceLines(const QJsonObject &snapshot)
{
    QStringList lines;
    for (const char *source : {"kibana", "mimir"}) {
        const QJsonObject section = snapshot.value(QLatin1String(source)).toObject();
        if (section.isEmpty())
            continue;
        if (!section.value(QLatin1String("configured")).toBool()) {
            lines.append(QStringLiteral("%1 %2").arg(QLatin1String(source), -7).arg(text(section, "message")));
            continue;
        }
        for (const QJsonValue &value : section.value(QLatin1String("queries")).toArray()) {
            const QJsonObject query = value.toObject();
            lines.append(QStringLiteral("%1 %2 %3").arg(QLatin1String(source), -7).arg(text(query, "id"), -24).arg(queryDetail(query)));
        }
    }
    return lines;
}

int countGaps(const QJsonObject &snapshot, QLatin1String state)
{
    int count = 0;
    for (const QJsonValue &value : snapshot.value(QLatin1String("gaps")).toArray())
        count += text(value.toObject(), "state") == state ? 1 : 0;
    return count;
}

QString summaryLine(const QJsonObject &snapshot)
{
    int unhealthy = 0;
    for (const QJsonValue &value : snapshot.value(QLatin1String("endpoints")).toArray())
        unhealthy += isHealthyState(text(value.toObject(), "state")) ? 0 : 1;
    const int open = countGaps(snapshot, QLatin1String("open"));
    const int unknown = countGaps(snapshot, QLatin1String("unknown"));
    const bool queryFailed = anyEvidenceQueryFailed(snapshot);

    if (unhealthy == 0 && open == 0 && unknown == 0 && !queryFailed)
        return QStringLiteral("All endpoints healthy, no gap open.");
    QString line = QStringLiteral("%1 endpoint(s) not healthy, %2 gap(s) open, %3 gap(s) unknown.")
                       .arg(unhealthy).arg(open).arg(unknown);
    if (queryFailed)
        line += QStringLiteral(" A Kibana or Mimir query failed, so its evidence is missing.");
    return line;
}

QString title(const QJsonObject &snapshot)
{
    const QString demo = snapshot.value(QLatin1String("demo")).toBool() ? QStringLiteral(" [DEMO]") : QString();
    return QStringLiteral("Arcade POC check: %1, %2%3")
        .arg(text(snapshot, "environment"), text(snapshot, "generated_at"), demo);
}

QString formatText(const QJsonObject &snapshot)
{
    QString out = title(snapshot) + QStringLiteral("\n\nEndpoints\n");
    for (const QJsonValue &value : snapshot.value(QLatin1String("endpoints")).toArray()) {
        const QJsonObject endpoint = value.toObject();
        out += QStringLiteral("  %1 %2 %3\n")
                   .arg(text(endpoint, "name"), -12)
                   .arg(text(endpoint, "state"), -17)
                   .arg(endpointDetail(endpoint));
    }

    const QStringList evidence = evidenceLines(snapshot);
    if (!evidence.isEmpty())
        out += QStringLiteral("\nEvidence\n");
    for (const QString &line : evidence)
        out += QStringLiteral("  ") + line + QLatin1Char('\n');

    const QJsonArray gaps = snapshot.value(QLatin1String("gaps")).toArray();
    if (!gaps.isEmpty())
        out += QStringLiteral("\nGaps\n");
    for (const QJsonValue &value : gaps) {
        const QJsonObject gap = value.toObject();
        out += QStringLiteral("  %1 %2 %3\n").arg(text(gap, "id"), -32).arg(text(gap, "state"), -8).arg(gapDetail(gap));
    }

    const QJsonArray fixtures = snapshot.value(QLatin1String("fixtures")).toArray();
    if (!fixtures.isEmpty())
        out += QStringLiteral("\nFixtures\n");
    for (const QJsonValue &value : fixtures) {
        const QJsonObject fixture = value.toObject();
        out += QStringLiteral("  %1 %2 %3\n")
                   .arg(text(fixture, "id"), -24).arg(text(fixture, "status"), -10).arg(text(fixture, "value"));
    }

    const QJsonArray facts = snapshot.value(QLatin1String("facts")).toArray();
    if (!facts.isEmpty())
        out += QStringLiteral("\nFacts\n");
    for (const QJsonValue &value : facts) {
        const QJsonObject fact = value.toObject();
        out += QStringLiteral("  %1 %2 %3\n").arg(text(fact, "id"), -24).arg(text(fact, "state"), -13).arg(text(fact, "reason"));
    }
    return out + QLatin1Char('\n') + summaryLine(snapshot) + QLatin1Char('\n');
}

QString markdownTable(const QJsonArray &rows, const QStringList &headers, const QList<const char *> &keys)
{
    TextTable table{headers, {}};
    for (const QJsonValue &value : rows) {
        QStringList cells;
        for (const char *key : keys)
            cells.append(text(value.toObject(), key));
        table.rows.append(cells);
    }
    return toMarkdown(table);
}

QString formatMarkdown(const QJsonObject &snapshot)
{
    QString out = QStringLiteral("## ") + title(snapshot) + QStringLiteral("\n\n### Endpoints\n\n");
    out += markdownTable(snapshot.value(QLatin1String("endpoints")).toArray(),
                         {QStringLiteral("Endpoint"), QStringLiteral("State"), QStringLiteral("HTTP"),
                          QStringLiteral("Latency (ms)"), QStringLiteral("TLS days left"), QStringLiteral("Error")},
                         {"name", "state", "http_status", "latency_ms", "tls_days_left", "error"});
    out += QStringLiteral("\n### Gaps\n\n");
    out += markdownTable(snapshot.value(QLatin1String("gaps")).toArray(),
                         {QStringLiteral("Gap"), QStringLiteral("State"), QStringLiteral("Since")},
                         {"id", "state", "since"});
    const QStringList evidence = evidenceLines(snapshot);
    if (!evidence.isEmpty()) {
        out += QStringLiteral("\n### Evidence\n\n");
        for (const QString &line : evidence)
            out += QStringLiteral("- ") + markdownCell(line.simplified()) + QLatin1Char('\n');
    }
    const QJsonArray fixtures = snapshot.value(QLatin1String("fixtures")).toArray();
    if (!fixtures.isEmpty()) {
        out += QStringLiteral("\n### Fixtures\n\n");
        out += markdownTable(fixtures, {QStringLiteral("Fixture"), QStringLiteral("Value"), QStringLiteral("Status")},
                             {"id", "value", "status"});
    }
    const QJsonArray facts = snapshot.value(QLatin1String("facts")).toArray();
    if (!facts.isEmpty()) {
        out += QStringLiteral("\n### Facts\n\n");
        out += markdownTable(facts, {QStringLiteral("Fact"), QStringLiteral("State"), QStringLiteral("Checked at"),
                                     QStringLiteral("Reason")},
                             {"id", "state", "checked_at", "reason"});
    }
    return out + QLatin1Char('\n') + summaryLine(snapshot) + QLatin1Char('\n');
}

enum class CaseOutcome { Passed, Failed, Skipped };

struct TestCase {
    QString suite;
    QString name;
    CaseOutcome outcome = CaseOutcome::Passed;
    QString detail;
};

void writeTestCase(QXmlStreamWriter &xml, const TestCase &testCase)
{
    xml.writeStartElement(QStringLiteral("testcase"));
    xml.writeAttribute(QStringLiteral("classname"), testCase.suite);
    xml.writeAttribute(QStringLiteral("name"), testCase.name);
    if (testCase.outcome != CaseOutcome::Passed) {
        xml.writeStartElement(testCase.outcome == CaseOutcome::Failed ? QStringLiteral("failure") : QStringLiteral("skipped"));
        xml.writeAttribute(QStringLiteral("message"), testCase.detail);
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

// Endpoints fail unless healthy, and gaps fail while open. Unknown gaps are skipped,
// because unknown means the evidence is missing, not that the gap is closed.
QList<TestCase> junitCases(const QJsonObject &snapshot)
{
    QList<TestCase> cases;
    for (const QJsonValue &value : snapshot.value(QLatin1String("endpoints")).toArray()) {
        const QJsonObject endpoint = value.toObject();
        const QString state = text(endpoint, "state");
        cases.append({QStringLiteral("endpoints"), text(endpoint, "name"),
                      isHealthyState(state) ? CaseOutcome::Passed : CaseOutcome::Failed,
                      state + QStringLiteral(": ") + endpointDetail(endpoint)});
    }
    for (const QJsonValue &value : snapshot.value(QLatin1String("gaps")).toArray()) {
        const QJsonObject gap = value.toObject();
        const QString state = text(gap, "state");
        const CaseOutcome outcome = state == QLatin1String("open")      ? CaseOutcome::Failed
                                    : state == QLatin1String("unknown") ? CaseOutcome::Skipped
                                                                        : CaseOutcome::Passed;
        cases.append({QStringLiteral("gaps"), text(gap, "id"), outcome, state + QStringLiteral(": ") + gapDetail(gap)});
    }
    return cases;
}

QString formatJUnit(const QJsonObject &snapshot)
{
    const QList<TestCase> cases = junitCases(snapshot);
    const auto count = [&cases](CaseOutcome outcome) {
        return std::count_if(cases.cbegin(), cases.cend(), [outcome](const TestCase &c) { return c.outcome == outcome; });
    };

    QString out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("arcade-poc-check"));
    xml.writeAttribute(QStringLiteral("tests"), QString::number(cases.size()));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(count(CaseOutcome::Failed)));
    xml.writeAttribute(QStringLiteral("skipped"), QString::number(count(CaseOutcome::Skipped)));
    xml.writeAttribute(QStringLiteral("timestamp"), text(snapshot, "generated_at"));
    for (const TestCase &testCase : cases)
        writeTestCase(xml, testCase);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace

std::optional<SnapshotFormat> parseSnapshotFormat(QStringView name)
{
    if (name == u"text")
        return SnapshotFormat::Text;
    if (name == u"json")
        return SnapshotFormat::Json;
    if (name == u"markdown")
        return SnapshotFormat::Markdown;
    if (name == u"junit")
        return SnapshotFormat::JUnit;
    return std::nullopt;
}

QString formatSnapshot(const QJsonObject &snapshot, SnapshotFormat format)
{
    switch (format) {
    case SnapshotFormat::Text:
        return formatText(snapshot);
    case SnapshotFormat::Json:
        return QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Indented));
    case SnapshotFormat::Markdown:
        return formatMarkdown(snapshot);
    case SnapshotFormat::JUnit:
        return formatJUnit(snapshot);
    }
    return {};
}

} // namespace poc
