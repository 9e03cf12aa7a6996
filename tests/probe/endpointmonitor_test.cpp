#include "testhttpserver.h"

#include "probe/endpointmonitor.h"
#include "probe/endpointstatusmodel.h"
#include "status/endpointtile.h"
#include "status/statusboard.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace poc::test {
namespace {

const QByteArray kHealthy = jsonResponse(200, "OK", R"({"healthy":true})");
const QByteArray kUnavailable = jsonResponse(503, "Service Unavailable", R"({"healthy":false})");
const QByteArray kHtml = httpResponse(200, "OK", "<!doctype html><html><body>console</body></html>", "text/html");

// Three endpoints on three loopback servers: an Engine, a Coordinator and an Experience API.
class MonitorTest : public testing::Test
{
protected:
    void SetUp() override
    {
        for (auto &server : servers)
            server.listenOnLoopback();
        servers[0].setReply({kHealthy});
        servers[1].setReply({kUnavailable});
        servers[2].setReply({kHtml});

        config.polling.timeout = 5s;
        config.polling.interval = 150ms;
        config.polling.failuresBeforeDown = 2;
        config.endpoints = {
            endpoint(u"engine"_s, u"Engine API"_s, servers[0].url(u"/v1/health"_s), EndpointExpectation::EngineHealth),
            endpoint(u"coordinator"_s, u"Coordinator"_s, servers[1].url(), EndpointExpectation::Reachable),
            endpoint(u"experience"_s, u"Experience API"_s, servers[2].url(), EndpointExpectation::EngineHealth),
        };
    }

    static EndpointConfig endpoint(const QString &name, const QString &title, const QUrl &url, EndpointExpectation expect)
    {
        EndpointConfig config;
        config.name = name;
        config.title = title;
        config.url = url;
        config.expect = expect;
        return config;
    }

    // Runs one poll cycle; fails the current test when it does not finish.
    static void pollOnce(EndpointMonitor &monitor)
    {
        QSignalSpy finished(&monitor, &EndpointMonitor::cycleFinished);
        monitor.pollAll();
        ASSERT_TRUE(finished.wait(10000));
    }

    TestHttpServer servers[3];
    Config config;
    QNetworkAccessManager network;
};

TEST_F(MonitorTest, PollAllRecordsEveryEndpoint)
{
    EndpointMonitor monitor(config, &network);
    QSignalSpy recorded(&monitor, &EndpointMonitor::resultRecorded);

    pollOnce(monitor);

    EXPECT_EQ(recorded.count(), 3);
    ASSERT_EQ(monitor.count(), 3);
    EXPECT_EQ(toString(*monitor.tracker(0).displayedState()), u"up"_s);
    EXPECT_EQ(toString(*monitor.tracker(1).displayedState()), u"down"_s);
    EXPECT_EQ(toString(*monitor.tracker(2).displayedState()), u"invalid_response"_s);
    EXPECT_FALSE(monitor.allHealthy());
    EXPECT_FALSE(monitor.isPolling());
}

TEST_F(MonitorTest, AllHealthyWhenEveryEndpointIsUp)
{
    servers[1].setReply({kHealthy});
    servers[2].setReply({kHealthy});
    EndpointMonitor monitor(config, &network);

    EXPECT_FALSE(monitor.allHealthy()); // nothing checked yet
    pollOnce(monitor);

    EXPECT_TRUE(monitor.allHealthy());
}

TEST_F(MonitorTest, JsonCarriesShownStateAndUptime)
{
    EndpointMonitor monitor(config, &network);
    pollOnce(monitor);
    servers[0].setReply({kUnavailable});
    pollOnce(monitor);

    const QJsonArray endpoints = monitor.toJson();

    ASSERT_EQ(endpoints.size(), 3);
    const QJsonObject engine = endpoints.at(0).toObject();
    EXPECT_EQ(engine.value(u"name"_s).toString(), u"engine"_s);
    EXPECT_EQ(engine.value(u"state"_s).toString(), u"down"_s);
    EXPECT_EQ(engine.value(u"displayed_state"_s).toString(), u"up"_s);
    EXPECT_EQ(engine.value(u"debounce"_s).toString(), u"failing 1/2"_s);
    EXPECT_DOUBLE_EQ(engine.value(u"uptime_session"_s).toDouble(), 50.0);
    EXPECT_DOUBLE_EQ(engine.value(u"uptime_hour"_s).toDouble(), 50.0);
    EXPECT_EQ(engine.value(u"http_status"_s).toInt(), 503);
    EXPECT_TRUE(endpoints.at(1).toObject().value(u"debounce"_s).isNull());
}

TEST_F(MonitorTest, TimerPollsUntilStopped)
{
    EndpointMonitor monitor(config, &network);
    QSignalSpy cycles(&monitor, &EndpointMonitor::cycleFinished);

    monitor.start();
    EXPECT_TRUE(monitor.isRunning());
    ASSERT_TRUE(QTest::qWaitFor([&] { return cycles.count() >= 3; }, 10000));
    monitor.stop();
    const int afterStop = cycles.count();
    QTest::qWait(400);

    EXPECT_FALSE(monitor.isRunning());
    EXPECT_EQ(cycles.count(), afterStop);
    EXPECT_EQ(monitor.tracker(0).sessionChecks(), afterStop);
}

TEST_F(MonitorTest, ProbesRunConcurrently)
{
    // The servers hold every request unanswered, so all three can only arrive if the
    // monitor sends them without waiting for one another.
    for (auto &server : servers)
        server.setReply({{}, 0ms, true});
    EndpointMonitor monitor(config, &network);
    QSignalSpy recorded(&monitor, &EndpointMonitor::resultRecorded);

    monitor.pollAll();

    const bool allArrived = QTest::qWaitFor([&] {
        return servers[0].requestCount() == 1 && servers[1].requestCount() == 1 && servers[2].requestCount() == 1;
    }, 5000);
    EXPECT_TRUE(allArrived);
    EXPECT_EQ(recorded.count(), 0);
    EXPECT_TRUE(monitor.isPolling());
    monitor.stop();
    EXPECT_FALSE(monitor.isPolling());
}

TEST_F(MonitorTest, ModelPassesItemModelTester)
{
    EndpointMonitor monitor(config, &network);
    EndpointStatusModel model(&monitor);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.columnCount(), EndpointStatusModel::ColumnCount);
    EXPECT_EQ(model.index(0, EndpointStatusModel::StateColumn).data().toString(), u"not checked yet"_s);
    EXPECT_FALSE(model.index(0, 0).data(EndpointStatusModel::StateRole).isValid());

    pollOnce(monitor);

    EXPECT_EQ(changed.count(), 3);
    EXPECT_EQ(model.index(0, EndpointStatusModel::EndpointColumn).data().toString(), u"Engine API"_s);
    EXPECT_EQ(model.index(0, EndpointStatusModel::StateColumn).data().toString(), u"up"_s);
    EXPECT_EQ(model.index(1, EndpointStatusModel::HttpStatusColumn).data().toInt(), 503);
    EXPECT_EQ(model.index(1, 0).data(EndpointStatusModel::StateRole).value<EndpointState>(), EndpointState::Down);
    EXPECT_EQ(model.index(0, EndpointStatusModel::UptimeColumn).data().toString(), u"100.0 %"_s);
    EXPECT_TRUE(model.index(2, 0).data(Qt::ToolTipRole).toString().contains(u"HTML page"_s));
    EXPECT_FALSE(model.index(0, EndpointStatusModel::CertificateColumn).data().isValid());
}

QString labelText(const EndpointTile *tile, const QString &objectName)
{
    const QLabel *label = tile->findChild<QLabel *>(objectName);
    return label ? label->text() : u"<no label %1>"_s.arg(objectName);
}

TEST_F(MonitorTest, StatusBoardTilesShowStateWords)
{
    EndpointMonitor monitor(config, &network);
    StatusBoard board(&monitor);
    board.resize(1000, 700);
    board.show();

    pollOnce(monitor);

    const QList<EndpointTile *> tiles = board.findChildren<EndpointTile *>();
    ASSERT_EQ(tiles.size(), 3);
    EXPECT_EQ(labelText(board.tile(0), u"title"_s), u"Engine API"_s);
    EXPECT_EQ(labelText(board.tile(0), u"state"_s), u"up"_s);
    EXPECT_EQ(labelText(board.tile(1), u"state"_s), u"down"_s);
    EXPECT_EQ(labelText(board.tile(2), u"state"_s), u"invalid_response"_s);
    EXPECT_EQ(labelText(board.tile(1), u"httpStatus"_s), u"HTTP 503"_s);
    EXPECT_TRUE(labelText(board.tile(1), u"error"_s).contains(u"503"_s));
    EXPECT_EQ(labelText(board.tile(0), u"certificate"_s), u"no TLS"_s);
    EXPECT_EQ(board.latencySeries(0)->count(), 1);
}

TEST_F(MonitorTest, StatusBoardShowsPendingFailure)
{
    EndpointMonitor monitor(config, &network);
    StatusBoard board(&monitor);
    board.show();
    pollOnce(monitor);

    servers[0].setReply({kUnavailable});
    pollOnce(monitor);

    EXPECT_EQ(labelText(board.tile(0), u"state"_s), u"up"_s);
    EXPECT_EQ(labelText(board.tile(0), u"debounce"_s), u"failing 1/2"_s);
    EXPECT_TRUE(board.tile(0)->findChild<QLabel *>(u"debounce"_s)->isVisible());

    pollOnce(monitor);

    EXPECT_EQ(labelText(board.tile(0), u"state"_s), u"down"_s);
    EXPECT_FALSE(board.tile(0)->findChild<QLabel *>(u"debounce"_s)->isVisible());
    EXPECT_EQ(board.latencySeries(0)->count(), 3);
}

TEST(StateColorTest, DiffersBetweenLightAndDarkPalettes)
{
    QPalette light;
    light.setColor(QPalette::Window, Qt::white);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));

    const QColor upLight = EndpointTile::stateColor(EndpointState::Up, light);
    const QColor upDark = EndpointTile::stateColor(EndpointState::Up, dark);

    EXPECT_NE(upLight, upDark);
    EXPECT_GT(upDark.lightness(), upLight.lightness());
    EXPECT_NE(EndpointTile::stateColor(EndpointState::Up, light), EndpointTile::stateColor(EndpointState::Down, light));
}

} // namespace
} // namespace poc::test
