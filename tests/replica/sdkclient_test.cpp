#include "replicaserver.h"

#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc::replica {
namespace {

// The official MCP TypeScript SDK comes from tests/peers (npm ci there), run by Node.js.
class McpSdkClient : public testing::TestWithParam<const char *>
{
protected:
    void SetUp() override
    {
        m_node = QStandardPaths::findExecutable(u"node"_s);
        ASSERT_FALSE(m_node.isEmpty()) << "node not found: install the Debian package nodejs";
        const QString sdk = QStringLiteral(POC_TEST_SOURCE_DIR) + u"/peers/node_modules/@modelcontextprotocol/sdk/package.json"_s;
        ASSERT_TRUE(QFileInfo::exists(sdk)) << "MCP SDK not found: run `npm ci` in tests/peers";
        ASSERT_NE(m_server.listen(), 0) << m_server.errorString().toStdString();
    }

    QString m_node;
    ReplicaServer m_server{Scenario::Seed};
};

TEST_P(McpSdkClient, UsesGatewayEndToEnd)
{
    QProcess node;
    const QString script = QStringLiteral(POC_TEST_SOURCE_DIR) + u"/replica/sdkclient.mjs"_s;
    node.start(m_node, {script, m_server.baseUrl().toString() + u"/mcp/baseline"_s, QString::fromLatin1(ReplicaServer::demoApiKey()),
                        ReplicaServer::demoUserId(), QString::fromLatin1(GetParam())});
    ASSERT_TRUE(poc::test::waitUntil([&node] { return node.state() == QProcess::NotRunning; }, std::chrono::seconds(60)));

    ASSERT_EQ(node.exitCode(), 0) << node.readAllStandardError().toStdString();
    const QJsonObject seen = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
    EXPECT_EQ(seen.value(u"server"_s).toString(), u"arcade-replica-gateway"_s);
    EXPECT_FALSE(seen.value(u"sessionId"_s).toString().isEmpty());
    EXPECT_EQ(seen.value(u"tools"_s).toArray(), (QJsonArray{u"echo"_s, u"whoami"_s, u"add"_s}));
    EXPECT_EQ(seen.value(u"whoami"_s).toObject().value(u"user_id"_s).toString(), ReplicaServer::demoUserId());
    EXPECT_EQ(seen.value(u"echo"_s).toString(), u"hello"_s);
    EXPECT_EQ(seen.value(u"add"_s).toString(), u"5"_s);
    // initialize, initialized, 2 pages of tools, 3 calls and DELETE; the SDK may add a GET.
    EXPECT_GE(m_server.requestCount(u"/mcp/{slug}"), 9);
}

INSTANTIATE_TEST_SUITE_P(Replica, McpSdkClient, testing::Values("json", "sse"));

} // namespace
} // namespace poc::replica
