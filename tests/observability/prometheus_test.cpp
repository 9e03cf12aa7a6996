#include "observability/gaprules.h"
#include "observability/mimirclient.h"

#include "memorysecretstore.h"
#include "prometheusfixture.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

constexpr int kMinutes = 120; // samples once a minute over the last two hours

// Engine series and unrelated ones, one sample a minute ending at `end`.
// arcade_engine_queue_depth counts the minutes since the first sample.
QByteArray openMetrics(const QDateTime &end)
{
    const qint64 last = end.toSecsSinceEpoch();
    const qint64 first = last - kMinutes * 60;
    QByteArray text = "# HELP up Whether the scrape target is up.\n# TYPE up gauge\n";
    for (const QByteArray &labels : {QByteArray(R"(namespace="arcade",job="arcade/arcade-engine")"),
                                     QByteArray(R"(namespace="monitoring",job="grafana-agent")")}) {
        for (qint64 t = first; t <= last; t += 60)
            text += "up{" + labels + "} 1 " + QByteArray::number(t) + '\n';
    }
    text += "# HELP arcade_engine_queue_depth Queued tool calls.\n# TYPE arcade_engine_queue_depth gauge\n";
    for (qint64 t = first; t <= last; t += 60)
        text += R"(arcade_engine_queue_depth{namespace="arcade",job="arcade/arcade-engine"} )" + QByteArray::number((t - first) / 60)
            + ' ' + QByteArray::number(t) + '\n';
    text += "# EOF\n";
    return text;
}

GapRule bridgeRule()
{
    return GapRule{u"otlp-prometheus-bridge-missing"_s, u"No bridge"_s, u"5"_s, GapSource::Mimir,
                   u"engine-series"_s, GapOpenWhen::NoSeries, {}};
}

class PrometheusTest : public testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_end = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() / 60 * 60, Qt::UTC);
        s_prometheus = std::make_unique<test::PrometheusFixture>();
        s_startError = s_prometheus->start(openMetrics(s_end));
    }

    static void TearDownTestSuite() { s_prometheus.reset(); }

    void SetUp() override
    {
        ASSERT_TRUE(s_startError.isEmpty()) << s_startError.toStdString();
        m_config.url = s_prometheus->apiBase();
        m_config.tenant = u"k8s-backstage-v4"_s;
    }

    MimirResult run(const MimirQuery &query)
    {
        MimirClient client(m_config, &m_network, &m_secrets);
        client.setClock([] { return s_end; });
        QSignalSpy finished(&client, &MimirClient::finished);
        client.run(query);
        EXPECT_TRUE(finished.wait(15000));
        return finished.isEmpty() ? MimirResult() : finished.first().first().value<MimirResult>();
    }

    static MimirQuery query(const QString &promql, MimirQueryKind kind)
    {
        return MimirQuery{u"engine-series"_s, {}, promql, kind, std::chrono::hours(1), std::chrono::minutes(1)};
    }

    static inline QDateTime s_end;
    static inline std::unique_ptr<test::PrometheusFixture> s_prometheus;
    static inline QString s_startError;

    QNetworkAccessManager m_network;
    test::MemorySecretStore m_secrets;
    MimirConfig m_config;
};

TEST_F(PrometheusTest, InstantQuery)
{
    const MimirResult result = run(query(u"sum(up)"_s, MimirQueryKind::Instant));

    ASSERT_EQ(result.state, FetchState::Ok) << result.message.toStdString();
    EXPECT_EQ(result.resultType, MimirResultType::Vector);
    ASSERT_EQ(result.seriesCount(), 1);
    ASSERT_EQ(result.series.first().samples.size(), 1);
    EXPECT_DOUBLE_EQ(result.series.first().samples.first().value, 2.0);
    EXPECT_EQ(result.series.first().samples.first().timeMs, s_end.toMSecsSinceEpoch());
}

TEST_F(PrometheusTest, RangeQuery)
{
    const MimirResult result = run(query(u"arcade_engine_queue_depth{namespace=\"arcade\"}"_s, MimirQueryKind::Range));

    ASSERT_EQ(result.state, FetchState::Ok) << result.message.toStdString();
    EXPECT_EQ(result.resultType, MimirResultType::Matrix);
    ASSERT_EQ(result.seriesCount(), 1);
    const QList<MimirSample> &samples = result.series.first().samples;
    ASSERT_EQ(samples.size(), 61);
    EXPECT_DOUBLE_EQ(samples.first().value, kMinutes - 60);
    EXPECT_DOUBLE_EQ(samples.last().value, kMinutes);
    EXPECT_EQ(samples.last().timeMs, s_end.toMSecsSinceEpoch());
    EXPECT_EQ(result.series.first().displayName(),
              u"arcade_engine_queue_depth{job=\"arcade/arcade-engine\", namespace=\"arcade\"}"_s);
}

TEST_F(PrometheusTest, SeriesQueryClosesBridgeGap)
{
    const MimirResult result = run(query(u"{namespace=\"arcade\", job=~\".*arcade-engine.*\"}"_s, MimirQueryKind::Series));

    ASSERT_EQ(result.state, FetchState::Ok) << result.message.toStdString();
    EXPECT_EQ(result.resultType, MimirResultType::Series);
    EXPECT_EQ(result.seriesCount(), 2);
    const GapEvaluation gap = evaluateGap(bridgeRule(), nullptr, &result, s_end);
    EXPECT_EQ(toString(gap.state), u"closed"_s);
    EXPECT_EQ(gap.count, 2);
}

TEST_F(PrometheusTest, EmptySelectorOpensBridgeGap)
{
    const MimirResult result = run(query(u"{namespace=\"arcade\", job=~\".*otel-collector.*\"}"_s, MimirQueryKind::Series));

    ASSERT_EQ(result.state, FetchState::Ok) << result.message.toStdString();
    EXPECT_EQ(result.seriesCount(), 0);
    const GapEvaluation gap = evaluateGap(bridgeRule(), nullptr, &result, s_end);
    EXPECT_EQ(toString(gap.state), u"open"_s);
}

TEST_F(PrometheusTest, InvalidPromqlIsQueryError)
{
    const MimirResult result = run(query(u"sum(up"_s, MimirQueryKind::Instant));

    EXPECT_EQ(result.state, FetchState::QueryError);
    EXPECT_EQ(result.httpStatus, 400);
    EXPECT_TRUE(result.message.contains(u"bad_data"_s)) << result.message.toStdString();
}

} // namespace
} // namespace poc
