#include "replicaclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc::replica::test {
namespace {

class McpGatewayTest : public ReplicaTest
{
protected:
    QUrl gatewayUrl(const QString &slug = u"baseline"_s) const { return url(u"/mcp/"_s + slug); }

    HeaderList headers(const QByteArray &sessionId = {}) const
    {
        HeaderList list{{"Authorization", "Bearer " + ReplicaServer::demoApiKey()},
                        {"Arcade-User-ID", ReplicaServer::demoUserId().toUtf8()},
                        {"Accept", "application/json, text/event-stream"},
                        {"Content-Type", "application/json"}};
        if (!sessionId.isEmpty())
            list.emplaceBack("Mcp-Session-Id", sessionId);
        return list;
    }

    static QByteArray rpc(int id, const QString &method, const QJsonObject &params = {})
    {
        return QJsonDocument(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"method"_s, method}, {u"params"_s, params}})
            .toJson(QJsonDocument::Compact);
    }

    static QByteArray initializeBody(const QString &version = u"2025-06-18"_s)
    {
        return rpc(1, u"initialize"_s,
                   {{u"protocolVersion"_s, version},
                    {u"capabilities"_s, QJsonObject()},
                    {u"clientInfo"_s, QJsonObject{{u"name"_s, u"replica-test"_s}, {u"version"_s, u"1"_s}}}});
    }

    QByteArray openSession()
    {
        const HttpResponse response = m_client.post(gatewayUrl(), headers(), initializeBody());
        const QByteArray sessionId = response.header("Mcp-Session-Id");
        const QByteArray initialized = R"({"jsonrpc":"2.0","method":"notifications/initialized"})";
        m_client.post(gatewayUrl(), headers(sessionId), initialized);
        return sessionId;
    }

    QJsonObject call(const QByteArray &sessionId, const QString &method, const QJsonObject &params = {})
    {
        const HttpResponse response = m_client.post(gatewayUrl(), headers(sessionId), rpc(7, method, params));
        EXPECT_EQ(response.status, 200) << response.body.toStdString();
        return response.json();
    }
};

TEST_F(McpGatewayTest, InitializeGivesSessionAndVersion)
{
    const HttpResponse response = m_client.post(gatewayUrl(), headers(), initializeBody());

    ASSERT_EQ(response.status, 200) << response.body.toStdString();
    EXPECT_FALSE(response.header("Mcp-Session-Id").isEmpty());
    const QJsonObject result = response.json().value(u"result"_s).toObject();
    EXPECT_EQ(result.value(u"protocolVersion"_s).toString(), u"2025-06-18"_s);
    EXPECT_TRUE(result.value(u"capabilities"_s).toObject().contains(u"tools"_s));
    EXPECT_FALSE(result.value(u"serverInfo"_s).toObject().value(u"name"_s).toString().isEmpty());
}

TEST_F(McpGatewayTest, ProtocolVersionIsNegotiated)
{
    const auto negotiated = [this](const QString &requested) {
        return m_client.post(gatewayUrl(), headers(), initializeBody(requested)).json().value(u"result"_s).toObject()
            .value(u"protocolVersion"_s).toString();
    };

    EXPECT_EQ(negotiated(u"2024-11-05"_s), u"2024-11-05"_s);
    EXPECT_EQ(negotiated(u"2025-03-26"_s), u"2025-03-26"_s);
    EXPECT_EQ(negotiated(u"1999-01-01"_s), u"2025-06-18"_s);
}

TEST_F(McpGatewayTest, InitializedNotificationIsAccepted)
{
    const QByteArray sessionId = m_client.post(gatewayUrl(), headers(), initializeBody()).header("Mcp-Session-Id");

    const HttpResponse response = m_client.post(gatewayUrl(), headers(sessionId), R"({"jsonrpc":"2.0","method":"notifications/initialized"})");

    EXPECT_EQ(response.status, 202);
    EXPECT_TRUE(response.body.isEmpty());
}

TEST_F(McpGatewayTest, ToolsListIsPaginated)
{
    const QByteArray sessionId = openSession();

    const QJsonObject first = call(sessionId, u"tools/list"_s).value(u"result"_s).toObject();
    ASSERT_EQ(first.value(u"tools"_s).toArray().size(), 2);
    const QString cursor = first.value(u"nextCursor"_s).toString();
    ASSERT_FALSE(cursor.isEmpty());
    const QJsonObject second = call(sessionId, u"tools/list"_s, {{u"cursor"_s, cursor}}).value(u"result"_s).toObject();

    QStringList names;
    for (const QJsonObject &page : {first, second}) {
        for (const QJsonValue &tool : page.value(u"tools"_s).toArray())
            names.append(tool.toObject().value(u"name"_s).toString());
    }
    EXPECT_EQ(names.join(u' ').toStdString(), "echo whoami add");
    EXPECT_FALSE(second.contains(u"nextCursor"_s));
}

TEST_F(McpGatewayTest, WhoamiReturnsStructuredIdentity)
{
    const QByteArray sessionId = openSession();

    const QJsonObject result = call(sessionId, u"tools/call"_s, {{u"name"_s, u"whoami"_s}, {u"arguments"_s, QJsonObject()}})
                                   .value(u"result"_s).toObject();

    const QJsonObject structured = result.value(u"structuredContent"_s).toObject();
    EXPECT_EQ(structured.value(u"user_id"_s).toString(), u"evaluator@example.com"_s);
    EXPECT_EQ(structured.value(u"project"_s).toString(), u"demo-project"_s);
    const QString text = result.value(u"content"_s).toArray().first().toObject().value(u"text"_s).toString();
    EXPECT_EQ(QJsonDocument::fromJson(text.toUtf8()).object(), structured);
}

TEST_F(McpGatewayTest, EchoAndAddWork)
{
    const QByteArray sessionId = openSession();

    const QJsonObject echo = call(sessionId, u"tools/call"_s,
                                  {{u"name"_s, u"echo"_s}, {u"arguments"_s, QJsonObject{{u"text"_s, u"hello"_s}}}});
    const QJsonObject add = call(sessionId, u"tools/call"_s,
                                 {{u"name"_s, u"add"_s}, {u"arguments"_s, QJsonObject{{u"a"_s, 2}, {u"b"_s, 40.5}}}});

    const auto text = [](const QJsonObject &response) {
        return response.value(u"result"_s).toObject().value(u"content"_s).toArray().first().toObject().value(u"text"_s).toString();
    };
    EXPECT_EQ(text(echo), u"hello"_s);
    EXPECT_EQ(text(add), u"42.5"_s);
}

TEST_F(McpGatewayTest, UnknownToolIsInvalidParams)
{
    const QByteArray sessionId = openSession();

    const QJsonObject response = call(sessionId, u"tools/call"_s, {{u"name"_s, u"nope"_s}});

    EXPECT_EQ(response.value(u"error"_s).toObject().value(u"code"_s).toInt(), -32602);
}

TEST_F(McpGatewayTest, UnknownMethodIsMethodNotFound)
{
    const QByteArray sessionId = openSession();

    const QJsonObject response = call(sessionId, u"resources/list"_s);

    EXPECT_EQ(response.value(u"error"_s).toObject().value(u"code"_s).toInt(), -32601);
}

TEST_F(McpGatewayTest, MissingKeyIsUnauthorized)
{
    HeaderList withoutKey = headers();
    withoutKey.removeFirst();

    const HttpResponse response = m_client.post(gatewayUrl(), withoutKey, initializeBody());

    EXPECT_EQ(response.status, 401);
    EXPECT_TRUE(response.json().contains(u"message"_s));
}

TEST_F(McpGatewayTest, AuthExpiredRejectsDemoKey)
{
    m_server->setScenario(Scenario::AuthExpired);

    EXPECT_EQ(m_client.post(gatewayUrl(), headers(), initializeBody()).status, 401);
}

TEST_F(McpGatewayTest, MissingUserIdIsBadRequest)
{
    HeaderList withoutUser = headers();
    withoutUser.removeAt(1);

    EXPECT_EQ(m_client.post(gatewayUrl(), withoutUser, initializeBody()).status, 400);
}

TEST_F(McpGatewayTest, UnknownSlugIsNotFound)
{
    EXPECT_EQ(m_client.post(gatewayUrl(u"no-such-gateway"_s), headers(), initializeBody()).status, 404);
}

TEST_F(McpGatewayTest, JsonOnlyAcceptIsNotAcceptable)
{
    HeaderList jsonOnly = headers();
    jsonOnly[2].second = "application/json";

    EXPECT_EQ(m_client.post(gatewayUrl(), jsonOnly, initializeBody()).status, 406);
}

TEST_F(McpGatewayTest, SessionIsRequiredAfterInitialize)
{
    openSession();

    EXPECT_EQ(m_client.post(gatewayUrl(), headers(), rpc(2, u"tools/list"_s)).status, 400);
    EXPECT_EQ(m_client.post(gatewayUrl(), headers("unknown-session"), rpc(2, u"tools/list"_s)).status, 404);
}

TEST_F(McpGatewayTest, DeleteEndsSession)
{
    const QByteArray sessionId = openSession();

    const HttpResponse deleted = m_client.send("DELETE", gatewayUrl(), headers(sessionId));

    EXPECT_EQ(deleted.status, 204);
    EXPECT_EQ(m_client.post(gatewayUrl(), headers(sessionId), rpc(2, u"tools/list"_s)).status, 404);
}

TEST_F(McpGatewayTest, SseReplyIsOneMessageEvent)
{
    HeaderList sse = headers();
    sse.emplaceBack("X-Replica-Reply", "sse");

    const HttpResponse response = m_client.post(gatewayUrl(), sse, initializeBody());

    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(response.header("Content-Type").startsWith("text/event-stream"));
    ASSERT_TRUE(response.body.startsWith("event: message\ndata: ")) << response.body.toStdString();
    EXPECT_TRUE(response.body.endsWith("\n\n"));
    const QByteArray data = response.body.mid(response.body.indexOf("data: ") + 6).trimmed();
    EXPECT_EQ(QJsonDocument::fromJson(data).object().value(u"id"_s).toInt(), 1);
}

TEST_F(McpGatewayTest, SseScenarioRepliesAsEventStream)
{
    m_server->setScenario(Scenario::McpSse);

    const HttpResponse response = m_client.post(gatewayUrl(), headers(), initializeBody());

    EXPECT_TRUE(response.header("Content-Type").startsWith("text/event-stream"));
}

} // namespace
} // namespace poc::replica::test
