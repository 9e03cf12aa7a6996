#include "replicacommand.h"
#include "replicaserver.h"

#include "testsupport.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <csignal>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc::replica {
namespace {

TEST(ReplicaCommand, StopsCleanlyOnSigterm)
{
    QTimer::singleShot(200, QCoreApplication::instance(), [] { std::raise(SIGTERM); });

    EXPECT_EQ(runReplicaCommand(u"127.0.0.1:0"_s, Scenario::Seed), 0);
}

TEST(ReplicaCommand, InvalidListenIsUsageError)
{
    EXPECT_EQ(runReplicaCommand(u"127.0.0.1"_s, Scenario::Seed), 2);
    EXPECT_EQ(runReplicaCommand(u"nowhere:80"_s, Scenario::Seed), 2);
    EXPECT_EQ(runReplicaCommand(u"127.0.0.1:70000"_s, Scenario::Seed), 2);
}

TEST(ReplicaServer, DestroyedWhileReplyIsDelayed)
{
    auto server = std::make_unique<ReplicaServer>(Scenario::Slow);
    server->setSlowDelay(std::chrono::seconds(5));
    ASSERT_NE(server->listen(), 0);
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(server->baseUrl().toString() + u"/engine/v1/health"_s)));
    ASSERT_TRUE(poc::test::waitUntil([&server] { return server->requestCount(u"/engine/v1/health") == 1; }));

    server.reset();

    // The pending reply ends with an error instead of a crash or a hang.
    ASSERT_TRUE(poc::test::waitUntil([reply] { return reply->isFinished(); }));
    EXPECT_NE(reply->error(), QNetworkReply::NoError);
    delete reply;
}

} // namespace
} // namespace poc::replica
