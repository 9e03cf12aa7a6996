#pragma once

// The replica: a loopback stand-in for the POC, served by QtHttpServer on a worker
// thread so that serving never blocks a caller's event loop (the GUI in --demo). Only
// listen() and the destructor wait for the worker thread, briefly.
//
// Routes (paths as in resources/config/demo.yaml, relative to baseUrl()):
//   GET  /engine/v1/health                 {"healthy":true}; outage: 503 {"healthy":false}
//   GET  /coordinator/, /experience/       200 small JSON; outage: 502
//   GET  /dashboard/                       302 to the Entra ID sign-in; outage: 503
//   POST /kibana/api/console/proxy?path=INDEX/_search&method=POST   (needs kbn-xsrf)
//   POST /elasticsearch/{index}/_search    Elasticsearch 8.x search responses
//   GET|POST /prometheus/api/v1/query, query_range, series, labels, label/{name}/values
//                                          Prometheus HTTP API, needs X-Scope-OrgID
//   POST|DELETE /mcp/{slug}                MCP Streamable HTTP, Arcade headers; slug "baseline" only
//   GET  /kibana/app/{app}, /grafana/explore   HTML stand-ins for the deep links' targets
//
// Scenarios: seed (export failure logged every 60 s, no Engine series), fixed (no
// failures, Engine series present), outage, slow (endpoints and gateway respond after
// slowDelay()), auth-expired (Kibana, Mimir and the gateway return 401),
// kibana-sign-in (HTML sign-in page), shard-failure (one failed shard), slow-search
// (searches respond after slowDelay()) and mcp-sse (gateway replies as text/event-stream).
// Every scenario except fixed serves the seed data besides its fault.
// Elasticsearch queries and PromQL are matched by small subsets: see searchrequest.h,
// querystring.h and promql.h.

#include "scenario.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <memory>

class QThread;

namespace poc::replica {

class ReplicaHost;
class ReplicaState;

class ReplicaServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplicaServer)

public:
    explicit ReplicaServer(Scenario scenario, QObject *parent = nullptr);
    ~ReplicaServer() override;

    // Starts listening; port 0 picks a free port. Returns the port, or 0 with errorString().
    quint16 listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QString errorString() const { return m_errorString; }

    // http://127.0.0.1:PORT (or the listening address when it is not a wildcard); empty before listen().
    QUrl baseUrl() const;

    Scenario scenario() const;
    void setScenario(Scenario scenario);

    // The delay of the `slow` and `slow-search` scenarios, 3 s unless set; tests shorten it.
    std::chrono::milliseconds slowDelay() const;
    void setSlowDelay(std::chrono::milliseconds delay);

    // Requests served by the route with this path template, such as u"/mcp/{slug}".
    int requestCount(QStringView route) const;

    // "METHOD PATH" lines for every route, such as "GET /engine/v1/health".
    static QStringList routeList();

    // The API key the demo gateway accepts: demo data, not a secret.
    static QByteArray demoApiKey();
    static QString demoUserId();

private:
    std::shared_ptr<ReplicaState> m_state;
    QThread *m_thread = nullptr;
    ReplicaHost *m_host = nullptr;
    QHostAddress m_address;
    quint16 m_port = 0;
    QString m_errorString;
};

} // namespace poc::replica
