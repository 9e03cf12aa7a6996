#include "observability/httpfetcher.h"
#include "observability/kibanaparser.h"

#include "testsupport.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

const QStringList kFields{u"Tracing.TraceId"_s, u"ContextInfo.CorrelationId"_s, u"NetCore.RequestPath"_s};

QByteArray dataFile(const char *name)
{
    const QString path = QStringLiteral(POC_TEST_SOURCE_DIR "/observability/data/") + QString::fromUtf8(name);
    const QByteArray bytes = test::readFile(path);
    EXPECT_FALSE(bytes.isEmpty()) << "missing test data " << path.toStdString();
    return bytes;
}

KibanaResult parse(const char *file, int status, const QByteArray &contentType = "application/json")
{
    KibanaResult base;
    base.queryId = u"otlp-export-failure"_s;
    base.index = u"logs-arcade-*"_s;
    base.url = QUrl(u"https://kibana.example.test/api/console/proxy?path=logs-arcade-*/_search&method=POST"_s);

    FetchOutcome reply;
    reply.httpStatus = status;
    reply.contentType = contentType;
    reply.body = dataFile(file);
    return parseKibanaReply(base, reply, kFields, u"@timestamp"_s);
}

struct ReplyCase {
    const char *name;
    const char *file;
    int status;
    const char *contentType;
    FetchState state;
    qint64 totalHits;
    bool lowerBound;
    qsizetype lines;
    qsizetype warnings;
    const char *messageContains; // in message, or in the warnings for readable results
};

void PrintTo(const ReplyCase &replyCase, std::ostream *out)
{
    *out << replyCase.name;
}

class KibanaReplyTable : public testing::TestWithParam<ReplyCase>
{
};

TEST_P(KibanaReplyTable, ParsesToPanelState)
{
    const ReplyCase &replyCase = GetParam();

    const KibanaResult result = parse(replyCase.file, replyCase.status, replyCase.contentType);

    EXPECT_EQ(toString(result.state), toString(replyCase.state)) << result.message.toStdString();
    EXPECT_EQ(result.totalHits, replyCase.totalHits);
    EXPECT_EQ(result.totalIsLowerBound, replyCase.lowerBound);
    EXPECT_EQ(result.lines.size(), replyCase.lines);
    EXPECT_EQ(result.warnings.size(), replyCase.warnings);
    const QString text = result.hasData() ? result.warnings.join(u" "_s) : result.message;
    EXPECT_TRUE(text.contains(QString::fromUtf8(replyCase.messageContains))) << text.toStdString();
    EXPECT_EQ(result.httpStatus, replyCase.status);
}

INSTANTIATE_TEST_SUITE_P(Elasticsearch, KibanaReplyTable, testing::Values(
    ReplyCase{"es7_total_number", "es7-hits-total-number.json", 200, "application/json", FetchState::Ok, 14, false, 2, 0, ""},
    ReplyCase{"es8_total_gte", "es8-hits-total-gte.json", 200, "application/json; charset=utf-8", FetchState::Ok, 10000, true, 1, 0, ""},
    ReplyCase{"es8_no_hits", "es8-no-hits.json", 200, "application/json", FetchState::Ok, 0, false, 0, 0, ""},
    ReplyCase{"timed_out", "es-timed-out.json", 200, "application/json", FetchState::Partial, 3, false, 1, 1, "timed out"},
    ReplyCase{"shard_failures", "es-shard-failures.json", 200, "application/json", FetchState::Partial, 0, false, 0, 1, "field [message] is not indexed"},
    ReplyCase{"error_root_cause", "es-error-root-cause.json", 400, "application/json", FetchState::QueryError, 0, false, 0, 0, "query_shard_exception: Failed to parse query"},
    ReplyCase{"index_not_found", "es-index-not-found.json", 404, "application/json", FetchState::QueryError, 0, false, 0, 0, "no such index [logs-arcade-*]"},
    ReplyCase{"unauthorized", "es-401.json", 401, "application/json", FetchState::AuthRequired, 0, false, 0, 0, "HTTP 401"},
    ReplyCase{"forbidden", "es-403.json", 403, "application/json", FetchState::AuthRequired, 0, false, 0, 0, "HTTP 403"},
    ReplyCase{"sign_in_page", "kibana-sign-in.html", 200, "text/html; charset=utf-8", FetchState::AuthRequired, 0, false, 0, 0, "sign-in page"},
    ReplyCase{"sign_in_page_as_json_type", "kibana-sign-in.html", 200, "application/json", FetchState::AuthRequired, 0, false, 0, 0, "HTML page"},
    ReplyCase{"malformed_json", "malformed.json", 200, "application/json", FetchState::InvalidResponse, 0, false, 0, 0, "not valid JSON"},
    ReplyCase{"kibana_proxy_400", "kibana-proxy-400.json", 400, "application/json", FetchState::QueryError, 0, false, 0, 0, "Bad Request: Method must be"}
), [](const testing::TestParamInfo<ReplyCase> &info) { return std::string(info.param.name); });

TEST(KibanaParser, MessagesNameIndexAndUrl)
{
    const KibanaResult result = parse("es-error-root-cause.json", 400);

    EXPECT_TRUE(result.message.contains(u"logs-arcade-*"_s));
    EXPECT_TRUE(result.message.contains(u"https://kibana.example.test/api/console/proxy"_s));
    EXPECT_TRUE(result.detail.contains(u"search_phase_execution_exception"_s));
}

TEST(KibanaParser, ReadsNestedFields)
{
    const KibanaResult result = parse("es7-hits-total-number.json", 200);

    ASSERT_EQ(result.lines.size(), 2);
    EXPECT_EQ(result.lines.at(0).field(u"Tracing.TraceId"_s), u"4bf92f3577b34da6a3ce929d0e0e4736"_s);
    EXPECT_EQ(result.lines.at(0).field(u"ContextInfo.CorrelationId"_s), u"c-0042"_s);
    EXPECT_EQ(result.lines.at(1).field(u"NetCore.RequestPath"_s), u"/v1/health"_s);
}

TEST(KibanaParser, ReadsDottedAndMixedFields)
{
    const KibanaResult result = parse("es8-hits-total-gte.json", 200);

    ASSERT_EQ(result.lines.size(), 1);
    EXPECT_EQ(result.lines.at(0).field(u"Tracing.TraceId"_s), u"0af7651916cd43dd8448eb211c80319c"_s);
    EXPECT_EQ(result.lines.at(0).field(u"ContextInfo.CorrelationId"_s), u"c-0099"_s);
    EXPECT_EQ(result.lines.at(0).field(u"NetCore.RequestPath"_s), u"/mcp/baseline"_s);
}

TEST(KibanaParser, ReadsTimesAndHistogram)
{
    const KibanaResult result = parse("es7-hits-total-number.json", 200);

    EXPECT_EQ(result.lastOccurrence, QDateTime(QDate(2026, 6, 18), QTime(9, 14, 2, 512), Qt::UTC));
    ASSERT_EQ(result.histogram.size(), 3);
    EXPECT_EQ(result.histogram.at(2).start, QDateTime(QDate(2026, 6, 18), QTime(9, 14), Qt::UTC));
    EXPECT_EQ(result.histogram.at(2).count, 13);
    EXPECT_TRUE(result.lines.at(0).message.startsWith(u"failed to upload metrics"_s));
}

TEST(KibanaParser, TransportFailurePassesThrough)
{
    FetchOutcome reply;
    reply.state = FetchState::Timeout;
    reply.message = u"No complete answer within 30 s"_s;

    const KibanaResult result = parseKibanaReply({}, reply, kFields, u"@timestamp"_s);

    EXPECT_EQ(result.state, FetchState::Timeout);
    EXPECT_EQ(result.message, reply.message);
}

TEST(KibanaParser, RedirectIsSignIn)
{
    FetchOutcome reply;
    reply.httpStatus = 302;
    reply.redirectTarget = QUrl(u"https://login.microsoftonline.com/tenant/oauth2/authorize"_s);

    const KibanaResult result = parseKibanaReply({}, reply, kFields, u"@timestamp"_s);

    EXPECT_EQ(result.state, FetchState::AuthRequired);
    EXPECT_TRUE(result.message.contains(u"login.microsoftonline.com"_s));
}

TEST(KibanaParser, LookupPrefersExactDottedKey)
{
    const QJsonObject source = QJsonDocument::fromJson(R"({"a.b": 1, "a": {"b": 2}})").object();

    EXPECT_EQ(lookupSourceField(source, u"a.b"_s).toInt(), 1);
    EXPECT_TRUE(lookupSourceField(source, u"a.c"_s).isUndefined());
}

TEST(KibanaParser, LookupMixedNesting)
{
    const QJsonObject source = QJsonDocument::fromJson(R"({"a": {"b.c": {"d": "x"}}})").object();

    EXPECT_EQ(lookupSourceField(source, u"a.b.c.d"_s).toString(), u"x"_s);
}

} // namespace
} // namespace poc
