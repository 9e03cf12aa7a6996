#include "appsession.h"

#include "evidence/evidencestore.h"
#include "fixtures/fixture.h"
#include "fixtures/fixturestore.h"
#include "fixtures/fixturetablemodel.h"
#include "fixtures/fixtureverifier.h"
#include "fixtures/keychainsecretstore.h"
#include "replicaserver.h"
#include "session/monitor.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

namespace poc::app {

AppSession::AppSession(const Config &config, std::shared_ptr<replica::ReplicaServer> replica, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_startedAt(QDateTime::currentDateTimeUtc())
    , m_replica(std::move(replica))
    , m_network(new QNetworkAccessManager(this))
    , m_secrets(new KeychainSecretStore(config.demo, this))
    , m_monitor(new Monitor(config, m_network, m_secrets, this))
    , m_fixtureStore(std::make_unique<FixtureStore>(FixtureStore::defaultPath(config.demo),
                                                    config.demo ? demoFixtures() : defaultFixtures()))
    , m_evidence(std::make_unique<EvidenceStore>(EvidenceStore::defaultFolder(config.demo)))
{
    for (const FixtureStoreMessage &notice : m_fixtureStore->open())
        m_fixtureNotices.append(notice.message);
    m_fixtureModel = new FixtureTableModel(m_fixtureStore.get(), this);
    m_verifier = new FixtureVerifier(m_fixtureModel, m_secrets, config, m_network, this);
    if (m_replica) {
        // The replica's demo key is demo data, not a secret: it lets --demo verify
        // fixtures before the user stores a key of their own.
        m_verifier->setKeyFallback([] { return replica::ReplicaServer::demoApiKey(); });
        recordDemoKeyIfMissing(*m_fixtureModel);
    }
    connect(m_monitor, &Monitor::pollFinished, this, &AppSession::handlePollFinished);
}

void recordDemoKeyIfMissing(FixtureTableModel &model)
{
    const Fixture *apiKey = model.fixture(FixtureId::ApiKey);
    if (!apiKey || apiKey->apiKey.isSet() || model.isReadOnly())
        return;
    model.setApiKeyRecord(
        ApiKeyRecord::fromSecret(QStringLiteral("replica demo key"), replica::ReplicaServer::demoApiKey()));
}

AppSession::~AppSession()
{
    // The model refers to the store, so it goes first.
    delete m_verifier;
    delete m_fixtureModel;
}

QJsonObject AppSession::snapshotWithoutFacts() const
{
    QJsonObject document = m_monitor->snapshot();
    document.insert(QStringLiteral("fixtures"), m_fixtureModel->fixturesJson());
    document.insert(QStringLiteral("session_started_at"), m_startedAt.toString(Qt::ISODate));
    return document;
}

QJsonObject AppSession::snapshot() const
{
    QJsonObject document = snapshotWithoutFacts();
    document.insert(QStringLiteral("facts"), factsJson(m_facts));
    return document;
}

void AppSession::handlePollFinished()
{
    m_facts = evaluateFacts(m_config.facts, snapshotWithoutFacts(), QDateTime::currentDateTimeUtc(), m_facts);
    Q_EMIT factsUpdated();
}

void AppSession::pollAndWait()
{
    QEventLoop loop;
    connect(m_monitor, &Monitor::pollFinished, &loop, &QEventLoop::quit);
    m_monitor->pollOnce();
    if (m_monitor->isPolling())
        loop.exec();
}

} // namespace poc::app
