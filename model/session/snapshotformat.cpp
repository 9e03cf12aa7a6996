#include "session/snapshotformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QXmlStreamWriter>

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
    for (auto it = evidence.begin(); it != evidence.end(); ++it) {
        const QString value = it.value().isDouble() ? QString::number(it.value().toDouble()) : it.value().toString();
        if (!value.isEmpty())
            parts.append(it.key() + QStringLiteral(": ") + value);
    }
    return parts.join(QStringLiteral(", "));
}

QString summaryLine(const QJsonObject &snapshot)
{
    int unhealthy = 0;
    for (const QJsonValue &value : snapshot.value(QLatin1String("endpoints")).toArray())
        unhealthy += isHealthyState(text(value.toObject(), "state")) ? 0 : 1;
    int open = 0;
    for (const QJsonValue &value : snapshot.value(QLatin1String("gaps")).toArray())
        open += text(value.toObject(), "state") == QLatin1String("open") ? 1 : 0;

    if (unhealthy == 0 && open == 0)
        return QStringLiteral("All endpoints healthy, no gap open.");
    return QStringLiteral("%1 endpoint(s) not healthy, %2 gap(s) open.").arg(unhealthy).arg(open);
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

QString escapeCell(QString cell)
{
    cell.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    cell.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return cell;
}

QString markdownRow(const QStringList &cells)
{
    QStringList escaped;
    for (const QString &cell : cells)
        escaped.append(escapeCell(cell));
    return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

QString markdownTable(const QJsonArray &rows, const QStringList &headers, const QList<const char *> &keys)
{
    QString out = markdownRow(headers);
    out += markdownRow(QStringList(headers.size(), QStringLiteral("---")));
    for (const QJsonValue &value : rows) {
        QStringList cells;
        for (const char *key : keys)
            cells.append(text(value.toObject(), key));
        out += markdownRow(cells);
    }
    return out;
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
    const QJsonArray fixtures = snapshot.value(QLatin1String("fixtures")).toArray();
    if (!fixtures.isEmpty()) {
        out += QStringLiteral("\n### Fixtures\n\n");
        out += markdownTable(fixtures, {QStringLiteral("Fixture"), QStringLiteral("Value"), QStringLiteral("Status")},
                             {"id", "value", "status"});
    }
    return out + QLatin1Char('\n') + summaryLine(snapshot) + QLatin1Char('\n');
}

void writeTestCase(QXmlStreamWriter &xml, const QString &suite, const QString &name, bool passed,
                   const QString &detail)
{
    xml.writeStartElement(QStringLiteral("testcase"));
    xml.writeAttribute(QStringLiteral("classname"), suite);
    xml.writeAttribute(QStringLiteral("name"), name);
    if (!passed) {
        xml.writeStartElement(QStringLiteral("failure"));
        xml.writeAttribute(QStringLiteral("message"), detail);
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

QString formatJUnit(const QJsonObject &snapshot)
{
    const QJsonArray endpoints = snapshot.value(QLatin1String("endpoints")).toArray();
    const QJsonArray gaps = snapshot.value(QLatin1String("gaps")).toArray();

    QString out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("arcade-poc-check"));
    xml.writeAttribute(QStringLiteral("tests"), QString::number(endpoints.size() + gaps.size()));
    xml.writeAttribute(QStringLiteral("timestamp"), text(snapshot, "generated_at"));
    for (const QJsonValue &value : endpoints) {
        const QJsonObject endpoint = value.toObject();
        const QString state = text(endpoint, "state");
        writeTestCase(xml, QStringLiteral("endpoints"), text(endpoint, "name"), isHealthyState(state),
                      state + QStringLiteral(": ") + endpointDetail(endpoint));
    }
    for (const QJsonValue &value : gaps) {
        const QJsonObject gap = value.toObject();
        const QString state = text(gap, "state");
        writeTestCase(xml, QStringLiteral("gaps"), text(gap, "id"), state != QLatin1String("open"),
                      state + QStringLiteral(": ") + gapDetail(gap));
    }
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
