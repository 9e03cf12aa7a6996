#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace poc {

using Milliseconds = std::chrono::milliseconds;

// The expected shape of a healthy reply from an endpoint.
enum class EndpointExpectation {
    EngineHealth,   // 200 with the Engine's JSON health document
    Reachable,      // any 2xx, or 401/403 which count as auth_required
    SignInRedirect, // a redirect to the identity provider's sign-in page
};

struct EndpointConfig {
    QString name;  // stable id used in JSON output, e.g. "engine"
    QString title; // shown on the tile
    QUrl url;
    EndpointExpectation expect = EndpointExpectation::Reachable;
    Milliseconds slowAfter{2000}; // slower replies are `degraded`
};

struct PollingConfig {
    Milliseconds interval{30000};
    Milliseconds timeout{10000};
    int failuresBeforeDown = 2;
    int successesBeforeUp = 1;
    int historySize = 2000; // raw results kept per endpoint
};

struct TlsConfig {
    QString caBundle; // extra PEM CA certificates trusted besides the system store
};

// Names an entry in the OS keychain. Only the entry name lives in the config,
// never the secret.
struct SecretRef {
    QString entry;
    bool isSet() const { return !entry.isEmpty(); }
};

struct GatewayConfig {
    QString urlTemplate; // "https://api.arcade.st.dev/mcp/{slug}"
    QString userId;      // sent as Arcade-User-ID
    SecretRef apiKey;    // keychain entry of the Arcade API key
    QStringList expectedReferenceTools;
    QString referenceServer;
    Milliseconds timeout{15000};
};

enum class HttpAuth { None, Basic, Bearer, ApiKey };

struct KibanaQuery {
    QString id;
    QString title;
    QString query; // Lucene/KQL query string as typed in Kibana
    Milliseconds window{std::chrono::minutes(15)};
    int sampleSize = 20;
};

enum class KibanaMode { ConsoleProxy, Elasticsearch };

struct KibanaConfig {
    QUrl url; // empty: not configured
    KibanaMode mode = KibanaMode::ConsoleProxy;
    QString index;
    QString timeField = QStringLiteral("@timestamp");
    QString dataViewId; // for Discover links; the index pattern is used when empty
    HttpAuth auth = HttpAuth::None;
    QString username;
    SecretRef secret;
    QStringList fields;
    QList<KibanaQuery> queries;
    Milliseconds timeout{30000};

    bool isConfigured() const { return url.isValid() && !url.isEmpty() && !index.isEmpty(); }
};

enum class MimirQueryKind { Range, Instant, Series };

struct MimirQuery {
    QString id;
    QString title;
    QString promql;
    MimirQueryKind kind = MimirQueryKind::Range;
    Milliseconds range{std::chrono::hours(1)};
    Milliseconds step{std::chrono::minutes(1)};
};

struct MimirConfig {
    QUrl url;       // Prometheus API base, e.g. http://mimir/prometheus (without /api/v1)
    QString tenant; // X-Scope-OrgID
    HttpAuth auth = HttpAuth::None;
    QString username;
    SecretRef secret;
    QUrl grafanaUrl; // for Explore links; empty hides the link
    QString grafanaDatasource;
    QList<MimirQuery> queries;
    Milliseconds timeout{30000};

    bool isConfigured() const { return url.isValid() && !url.isEmpty(); }
};

enum class GapSource { Kibana, Mimir };
enum class GapOpenWhen { Hits, NoSeries };

struct GapRule {
    QString id;
    QString title;
    QString category; // evaluation category, "5" for observability
    GapSource source = GapSource::Kibana;
    QString query; // id of a KibanaQuery or MimirQuery
    GapOpenWhen openWhen = GapOpenWhen::Hits;
    QString fix;
};

// The live check bound to a recorded fact. Facts with `None` are shown as recorded, with their age.
enum class FactCheck {
    None,
    EndpointsAnswer,
    GatewayUrlForm,
    ExportFailureInKibana,
    NoEngineSeriesInMimir,
    IdentityProvider,
};

struct FactConfig {
    QString id;
    QString title;
    QString value;
    QString category; // evaluation category it bears on, may be empty
    FactCheck check = FactCheck::None;
    QString expected; // for IdentityProvider: "entra" or "okta"
    QDate asOf;
};

struct FactsConfig {
    Milliseconds staleAfter{std::chrono::hours(24 * 90)};
    QList<FactConfig> items;
};

struct Config {
    QString environmentName;
    bool demo = false;
    PollingConfig polling;
    TlsConfig tls;
    QList<EndpointConfig> endpoints;
    GatewayConfig gateway;
    KibanaConfig kibana;
    MimirConfig mimir;
    QList<GapRule> gaps;
    FactsConfig facts;

    QString sourcePath;     // file it came from, or ":/config/default.yaml"
    QByteArray sourceText;  // exact bytes parsed, for the provenance hash

    // SHA-256 of the config bytes, lower-case hex; goes into capture and report provenance.
    QString sha256() const;
    const EndpointConfig *endpoint(QStringView name) const;
    const KibanaQuery *kibanaQuery(QStringView id) const;
    const MimirQuery *mimirQuery(QStringView id) const;
};

QString toString(EndpointExpectation expectation);
QString toString(HttpAuth auth);
QString toString(FactCheck check);

} // namespace poc
