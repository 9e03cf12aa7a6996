#pragma once

#include "core/config.h"
#include "evidence/facts.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace poc {
class EvidenceStore;
class FixtureStore;
class FixtureTableModel;
class FixtureVerifier;
class Monitor;
class SecretStore;
struct FixtureStoreMessage;
namespace replica {
class ReplicaServer;
}
} // namespace poc

namespace poc::app {

// Everything one run watches an environment with: the network access manager, the
// keychain, the monitor, the fixture table, the facts and the evidence folder.
// Shared by the window and the CLI.
class AppSession final : public QObject
{
    Q_OBJECT

public:
    AppSession(const Config &config, std::shared_ptr<replica::ReplicaServer> replica, QObject *parent = nullptr);
    ~AppSession() override;
    Q_DISABLE_COPY_MOVE(AppSession)

    const Config &config() const { return m_config; }
    QNetworkAccessManager *network() const { return m_network; }
    SecretStore *secrets() const { return m_secrets; }
    Monitor *monitor() const { return m_monitor; }
    FixtureTableModel *fixtures() const { return m_fixtureModel; }
    FixtureVerifier *verifier() const { return m_verifier; }
    EvidenceStore *evidence() const { return m_evidence.get(); }
    replica::ReplicaServer *replica() const { return m_replica.get(); }
    const QList<FactResult> &facts() const { return m_facts; }
    QDateTime startedAt() const { return m_startedAt; }
    // Notices from opening the fixture file: read-only because another instance has it,
    // or a broken file moved aside.
    QStringList fixtureNotices() const { return m_fixtureNotices; }

    // The whole snapshot document: monitor results plus fixtures and facts.
    QJsonObject snapshot() const;

    // Polls once and spins a local event loop until the cycle ends. For the CLI only:
    // the window never waits like this.
    void pollAndWait();

Q_SIGNALS:
    // The facts were evaluated again after a poll cycle.
    void factsUpdated();

private:
    void handlePollFinished();
    QJsonObject snapshotWithoutFacts() const;

    Config m_config;
    QDateTime m_startedAt;
    std::shared_ptr<replica::ReplicaServer> m_replica;
    QNetworkAccessManager *m_network = nullptr;
    SecretStore *m_secrets = nullptr;
    Monitor *m_monitor = nullptr;
    std::unique_ptr<FixtureStore> m_fixtureStore;
    FixtureTableModel *m_fixtureModel = nullptr;
    FixtureVerifier *m_verifier = nullptr;
    std::unique_ptr<EvidenceStore> m_evidence;
    QList<FactResult> m_facts;
    QStringList m_fixtureNotices;
};

// Records the label and last 4 characters of the replica's demo key in a demo fixture
// table that has no key yet. The demo key is demo data, not a secret.
void recordDemoKeyIfMissing(FixtureTableModel &model);

} // namespace poc::app
