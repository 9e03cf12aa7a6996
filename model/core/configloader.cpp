#include "core/configloader.h"

#include "core/logging.h"
#include "core/yamlreader.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace poc {

namespace {

using Presence = YamlReader::Presence;

const QString kDefaultResource = QStringLiteral(":/config/default.yaml");
const QString kDemoResource = QStringLiteral(":/config/demo.yaml");

HttpAuth readAuth(YamlReader &reader, const YAML::Node &map, const QString &path)
{
    return reader.readChoice(map, path, "auth", HttpAuth::None,
                             {{"none", HttpAuth::None}, {"basic", HttpAuth::Basic},
                              {"bearer", HttpAuth::Bearer}, {"apikey", HttpAuth::ApiKey}});
}

void readEnvironment(YamlReader &reader, const YAML::Node &root, Config &config)
{
    const YAML::Node node = root["environment"];
    if (!node.IsDefined() || !reader.isMap(node, QStringLiteral("environment")))
        return;
    reader.warnUnknownKeys(node, QStringLiteral("environment"), {"name"});
    config.environmentName = reader.readString(node, QStringLiteral("environment"), "name", config.environmentName);
}

void readPolling(YamlReader &reader, const YAML::Node &root, PollingConfig &polling)
{
    const QString path = QStringLiteral("polling");
    const YAML::Node node = root["polling"];
    if (!node.IsDefined() || !reader.isMap(node, path))
        return;

    reader.warnUnknownKeys(node, path, {"interval", "timeout", "failures_before_down", "successes_before_up",
                                        "history_size"});
    polling.interval = reader.readDuration(node, path, "interval", polling.interval);
    polling.timeout = reader.readDuration(node, path, "timeout", polling.timeout);
    polling.failuresBeforeDown = reader.readInt(node, path, "failures_before_down", polling.failuresBeforeDown, 1, 100);
    polling.successesBeforeUp = reader.readInt(node, path, "successes_before_up", polling.successesBeforeUp, 1, 100);
    polling.historySize = reader.readInt(node, path, "history_size", polling.historySize, 10, 1000000);
}

void readTls(YamlReader &reader, const YAML::Node &root, TlsConfig &tls)
{
    const YAML::Node node = root["tls"];
    if (!node.IsDefined() || !reader.isMap(node, QStringLiteral("tls")))
        return;
    reader.warnUnknownKeys(node, QStringLiteral("tls"), {"ca_bundle"});
    tls.caBundle = reader.readString(node, QStringLiteral("tls"), "ca_bundle", QString());
}

EndpointConfig readEndpoint(YamlReader &reader, const YAML::Node &node, const QString &path)
{
    EndpointConfig endpoint;
    reader.warnUnknownKeys(node, path, {"name", "title", "url", "expect", "slow_after"});
    endpoint.name = reader.readString(node, path, "name", Presence::Required).value_or(QString());
    endpoint.title = reader.readString(node, path, "title", endpoint.name);
    endpoint.url = reader.readUrl(node, path, "url", Presence::Required);
    endpoint.expect = reader.readChoice(node, path, "expect", EndpointExpectation::Reachable,
                                        {{"engine-health", EndpointExpectation::EngineHealth},
                                         {"reachable", EndpointExpectation::Reachable},
                                         {"sign-in-redirect", EndpointExpectation::SignInRedirect}});
    endpoint.slowAfter = reader.readDuration(node, path, "slow_after", endpoint.slowAfter);
    return endpoint;
}

void readEndpoints(YamlReader &reader, const YAML::Node &root, Config &config)
{
    const QString path = QStringLiteral("endpoints");
    const YAML::Node node = root["endpoints"];
    if (!node.IsDefined()) {
        reader.addError(root, path, QStringLiteral("missing required key; list the endpoints to probe"));
        return;
    }
    if (!reader.isSequence(node, path))
        return;

    for (std::size_t i = 0; i < node.size(); ++i) {
        const QString itemPath = YamlReader::index(path, i);
        if (!reader.isMap(node[i], itemPath))
            continue;
        const EndpointConfig endpoint = readEndpoint(reader, node[i], itemPath);
        if (config.endpoint(endpoint.name))
            reader.addError(node[i], itemPath + QStringLiteral(".name"),
                            QStringLiteral("duplicate endpoint name \"%1\"; names must be unique").arg(endpoint.name));
        config.endpoints.append(endpoint);
    }
}

void readGateway(YamlReader &reader, const YAML::Node &root, GatewayConfig &gateway)
{
    const QString path = QStringLiteral("gateway");
    const YAML::Node node = root["gateway"];
    if (!node.IsDefined() || !reader.isMap(node, path))
        return;

    reader.warnUnknownKeys(node, path, {"url_template", "user_id", "api_key_secret", "reference_server",
                                        "reference_tools", "timeout"});
    gateway.urlTemplate = reader.readString(node, path, "url_template", gateway.urlTemplate);
    if (!gateway.urlTemplate.isEmpty() && !gateway.urlTemplate.contains(QLatin1String("{slug}")))
        reader.addError(node["url_template"], YamlReader::join(path, "url_template"),
                        QStringLiteral("invalid URL template \"%1\"; it must contain {slug}").arg(gateway.urlTemplate));
    gateway.userId = reader.readString(node, path, "user_id", gateway.userId);
    gateway.apiKey.entry = reader.readString(node, path, "api_key_secret", QStringLiteral("arcade-api-key"));
    gateway.referenceServer = reader.readString(node, path, "reference_server", gateway.referenceServer);
    if (node["reference_tools"].IsDefined())
        gateway.expectedReferenceTools = reader.readStringList(node, path, "reference_tools");
    gateway.timeout = reader.readDuration(node, path, "timeout", gateway.timeout);
}

KibanaQuery readKibanaQuery(YamlReader &reader, const YAML::Node &node, const QString &path)
{
    KibanaQuery query;
    reader.warnUnknownKeys(node, path, {"id", "title", "query", "window", "sample_size"});
    query.id = reader.readString(node, path, "id", Presence::Required).value_or(QString());
    query.title = reader.readString(node, path, "title", query.id);
    query.query = reader.readString(node, path, "query", Presence::Required).value_or(QString());
    query.window = reader.readDuration(node, path, "window", query.window);
    query.sampleSize = reader.readInt(node, path, "sample_size", query.sampleSize, 0, 500);
    return query;
}

void readKibana(YamlReader &reader, const YAML::Node &root, KibanaConfig &kibana)
{
    const QString path = QStringLiteral("kibana");
    const YAML::Node node = root["kibana"];
    if (!node.IsDefined() || !reader.isMap(node, path))
        return;

    reader.warnUnknownKeys(node, path, {"url", "mode", "index", "time_field", "data_view", "auth", "username",
                                        "secret", "fields", "queries", "timeout"});
    kibana.url = reader.readUrl(node, path, "url", Presence::Optional);
    kibana.mode = reader.readChoice(node, path, "mode", KibanaMode::ConsoleProxy,
                                    {{"console-proxy", KibanaMode::ConsoleProxy},
                                     {"elasticsearch", KibanaMode::Elasticsearch}});
    kibana.index = reader.readString(node, path, "index", kibana.index);
    kibana.timeField = reader.readString(node, path, "time_field", kibana.timeField);
    kibana.dataViewId = reader.readString(node, path, "data_view", kibana.dataViewId);
    kibana.auth = readAuth(reader, node, path);
    kibana.username = reader.readString(node, path, "username", kibana.username);
    kibana.secret.entry = reader.readString(node, path, "secret", QStringLiteral("kibana"));
    kibana.fields = reader.readStringList(node, path, "fields");
    kibana.timeout = reader.readDuration(node, path, "timeout", kibana.timeout);

    const YAML::Node queries = node["queries"];
    if (!queries.IsDefined() || !reader.isSequence(queries, YamlReader::join(path, "queries")))
        return;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const QString itemPath = YamlReader::index(YamlReader::join(path, "queries"), i);
        if (reader.isMap(queries[i], itemPath))
            kibana.queries.append(readKibanaQuery(reader, queries[i], itemPath));
    }
}

MimirQuery readMimirQuery(YamlReader &reader, const YAML::Node &node, const QString &path)
{
    MimirQuery query;
    reader.warnUnknownKeys(node, path, {"id", "title", "promql", "kind", "range", "step"});
    query.id = reader.readString(node, path, "id", Presence::Required).value_or(QString());
    query.title = reader.readString(node, path, "title", query.id);
    query.promql = reader.readString(node, path, "promql", Presence::Required).value_or(QString());
    query.kind = reader.readChoice(node, path, "kind", MimirQueryKind::Range,
                                   {{"range", MimirQueryKind::Range}, {"instant", MimirQueryKind::Instant},
                                    {"series", MimirQueryKind::Series}});
    query.range = reader.readDuration(node, path, "range", query.range);
    query.step = reader.readDuration(node, path, "step", query.step);
    return query;
}

void readMimir(YamlReader &reader, const YAML::Node &root, MimirConfig &mimir)
{
    const QString path = QStringLiteral("mimir");
    const YAML::Node node = root["mimir"];
    if (!node.IsDefined() || !reader.isMap(node, path))
        return;

    reader.warnUnknownKeys(node, path, {"url", "tenant", "auth", "username", "secret", "grafana_url",
                                        "grafana_datasource", "queries", "timeout"});
    mimir.url = reader.readUrl(node, path, "url", Presence::Optional);
    mimir.tenant = reader.readString(node, path, "tenant", mimir.tenant);
    mimir.auth = readAuth(reader, node, path);
    mimir.username = reader.readString(node, path, "username", mimir.username);
    mimir.secret.entry = reader.readString(node, path, "secret", QStringLiteral("mimir"));
    mimir.grafanaUrl = reader.readUrl(node, path, "grafana_url", Presence::Optional);
    mimir.grafanaDatasource = reader.readString(node, path, "grafana_datasource", mimir.grafanaDatasource);
    mimir.timeout = reader.readDuration(node, path, "timeout", mimir.timeout);

    const YAML::Node queries = node["queries"];
    if (!queries.IsDefined() || !reader.isSequence(queries, YamlReader::join(path, "queries")))
        return;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const QString itemPath = YamlReader::index(YamlReader::join(path, "queries"), i);
        if (reader.isMap(queries[i], itemPath))
            mimir.queries.append(readMimirQuery(reader, queries[i], itemPath));
    }
}

GapRule readGap(YamlReader &reader, const YAML::Node &node, const QString &path)
{
    GapRule gap;
    reader.warnUnknownKeys(node, path, {"id", "title", "category", "source", "query", "open_when", "fix"});
    gap.id = reader.readString(node, path, "id", Presence::Required).value_or(QString());
    gap.title = reader.readString(node, path, "title", gap.id);
    gap.category = reader.readString(node, path, "category", gap.category);
    gap.source = reader.readChoice(node, path, "source", GapSource::Kibana,
                                   {{"kibana", GapSource::Kibana}, {"mimir", GapSource::Mimir}});
    gap.query = reader.readString(node, path, "query", Presence::Required).value_or(QString());
    gap.openWhen = reader.readChoice(node, path, "open_when", GapOpenWhen::Hits,
                                     {{"hits", GapOpenWhen::Hits}, {"no-series", GapOpenWhen::NoSeries}});
    gap.fix = reader.readString(node, path, "fix", gap.fix);
    return gap;
}

void readGaps(YamlReader &reader, const YAML::Node &root, Config &config)
{
    const QString path = QStringLiteral("gaps");
    const YAML::Node node = root["gaps"];
    if (!node.IsDefined() || !reader.isSequence(node, path))
        return;

    for (std::size_t i = 0; i < node.size(); ++i) {
        const QString itemPath = YamlReader::index(path, i);
        if (!reader.isMap(node[i], itemPath))
            continue;
        const GapRule gap = readGap(reader, node[i], itemPath);
        const bool known = gap.source == GapSource::Kibana ? config.kibanaQuery(gap.query) != nullptr
                                                           : config.mimirQuery(gap.query) != nullptr;
        if (!known && !gap.query.isEmpty())
            reader.addError(node[i]["query"], itemPath + QStringLiteral(".query"),
                            QStringLiteral("unknown query id \"%1\"; name a query of the %2 section")
                                .arg(gap.query, gap.source == GapSource::Kibana ? QStringLiteral("kibana")
                                                                                : QStringLiteral("mimir")));
        config.gaps.append(gap);
    }
}

FactConfig readFact(YamlReader &reader, const YAML::Node &node, const QString &path)
{
    FactConfig fact;
    reader.warnUnknownKeys(node, path, {"id", "title", "value", "category", "check", "expected", "as_of"});
    fact.id = reader.readString(node, path, "id", Presence::Required).value_or(QString());
    fact.title = reader.readString(node, path, "title", fact.id);
    fact.value = reader.readString(node, path, "value", fact.value);
    fact.category = reader.readString(node, path, "category", fact.category);
    fact.check = reader.readChoice(node, path, "check", FactCheck::None,
                                   {{"none", FactCheck::None},
                                    {"endpoints-answer", FactCheck::EndpointsAnswer},
                                    {"gateway-url-form", FactCheck::GatewayUrlForm},
                                    {"export-failure-in-kibana", FactCheck::ExportFailureInKibana},
                                    {"no-engine-series-in-mimir", FactCheck::NoEngineSeriesInMimir},
                                    {"identity-provider", FactCheck::IdentityProvider}});
    fact.expected = reader.readString(node, path, "expected", fact.expected);
    fact.asOf = reader.readDate(node, path, "as_of");
    return fact;
}

void readFacts(YamlReader &reader, const YAML::Node &root, FactsConfig &facts)
{
    const QString path = QStringLiteral("facts");
    const YAML::Node node = root["facts"];
    if (!node.IsDefined() || !reader.isMap(node, path))
        return;

    reader.warnUnknownKeys(node, path, {"stale_after", "items"});
    facts.staleAfter = reader.readDuration(node, path, "stale_after", facts.staleAfter);
    const YAML::Node items = node["items"];
    if (!items.IsDefined() || !reader.isSequence(items, YamlReader::join(path, "items")))
        return;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const QString itemPath = YamlReader::index(YamlReader::join(path, "items"), i);
        if (reader.isMap(items[i], itemPath))
            facts.items.append(readFact(reader, items[i], itemPath));
    }
}

void readSections(YamlReader &reader, const YAML::Node &root, Config &config)
{
    reader.warnUnknownKeys(root, QString(), {"environment", "polling", "tls", "endpoints", "gateway", "kibana",
                                             "mimir", "gaps", "facts"});
    readEnvironment(reader, root, config);
    readPolling(reader, root, config.polling);
    readTls(reader, root, config.tls);
    readEndpoints(reader, root, config);
    readGateway(reader, root, config.gateway);
    readKibana(reader, root, config.kibana);
    readMimir(reader, root, config.mimir);
    readGaps(reader, root, config);
    readFacts(reader, root, config.facts);
}

ConfigIssue syntaxIssue(const QString &fileName, const YAML::ParserException &exception)
{
    ConfigIssue issue;
    issue.file = fileName;
    issue.message = QStringLiteral("invalid YAML: %1").arg(QString::fromStdString(exception.msg));
    if (!exception.mark.is_null()) {
        issue.line = exception.mark.line + 1;
        issue.column = exception.mark.column + 1;
    }
    return issue;
}

QByteArray readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("embedded config %s is missing from the resources", qPrintable(path));
    return file.readAll();
}

Config parseEmbedded(const QByteArray &text, const QString &path)
{
    ConfigLoadResult result = parseConfig(text, path);
    if (!result.config) {
        for (const ConfigIssue &issue : std::as_const(result.errors))
            qCCritical(lcConfig).noquote() << issue.toString();
        qFatal("embedded config %s is invalid", qPrintable(path));
    }
    return *result.config;
}

} // namespace

QString ConfigIssue::toString() const
{
    QString location = file;
    if (line > 0)
        location += QStringLiteral(":%1:%2").arg(line).arg(column);
    const QString keyPart = key.isEmpty() ? QString() : key + QStringLiteral(": ");
    return QStringLiteral("%1: %2%3").arg(location, keyPart, message);
}

ConfigLoadResult parseConfig(const QByteArray &text, const QString &fileName)
{
    ConfigLoadResult result;
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::ParserException &exception) {
        result.errors.append(syntaxIssue(fileName, exception));
        return result;
    }

    YamlReader reader(fileName);
    Config config;
    config.sourcePath = fileName;
    config.sourceText = text;
    if (reader.isMap(root, QStringLiteral("(document)"))) {
        reader.rejectDuplicateKeys(root, QString());
        readSections(reader, root, config);
    }

    result.errors = reader.takeErrors();
    result.warnings = reader.takeWarnings();
    if (result.errors.isEmpty())
        result.config = std::move(config);
    return result;
}

ConfigLoadResult loadConfigFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigLoadResult result;
        result.errors.append({path, 0, 0, QString(),
                              QStringLiteral("cannot read the config file: %1; check the path and its permissions")
                                  .arg(file.errorString())});
        return result;
    }
    return parseConfig(file.readAll(), QDir::toNativeSeparators(path));
}

Config defaultConfig()
{
    return parseEmbedded(readResource(kDefaultResource), kDefaultResource);
}

Config demoConfig(const QUrl &replicaBase)
{
    QByteArray text = readResource(kDemoResource);
    const QByteArray base = replicaBase.toString(QUrl::StripTrailingSlash).toUtf8();
    text.replace("{replica}", base);

    Config config = parseEmbedded(text, kDemoResource);
    config.demo = true;
    return config;
}

QString userConfigPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/config.yaml");
}

} // namespace poc
