#include "appsession.h"
#include "capturecommand.h"
#include "core/configloader.h"
#include "mainwindow/inlinebanner.h"
#include "mainwindow/mainwindow.h"
#include "replicaserver.h"
#include "status/endpointtile.h"
#include "status/statusboard.h"
#include "testsupport.h"
#include "windowbuilder.h"
#include "windowcontroller.h"

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>

#include <gtest/gtest.h>

#include <memory>

namespace {

using poc::replica::ReplicaServer;
using poc::replica::Scenario;

struct WindowRun {
    std::shared_ptr<ReplicaServer> replica;
    std::unique_ptr<poc::app::AppSession> session;
    std::unique_ptr<poc::app::PanelSet> panels;
};

// Builds the real window against a replica in `scenario` and polls once.
std::unique_ptr<WindowRun> openWindow(Scenario scenario)
{
    auto run = std::make_unique<WindowRun>();
    run->replica = std::make_shared<ReplicaServer>(scenario);
    if (run->replica->listen() == 0)
        return nullptr;
    run->session = std::make_unique<poc::app::AppSession>(poc::demoConfig(run->replica->baseUrl()), run->replica);
    run->panels = std::make_unique<poc::app::PanelSet>(*run->session);
    poc::app::prepareOffscreenWindow(*run->panels);
    run->session->pollAndWait();
    return run;
}

QString tileStateText(poc::StatusBoard *board, int index)
{
    auto *label = board->tile(index)->findChild<QLabel *>(QStringLiteral("state"));
    return label ? label->text() : QString();
}

TEST(Window, TilesShowSeedStates)
{
    const poc::test::IsolatedPaths paths;
    const auto run = openWindow(Scenario::Seed);
    ASSERT_TRUE(run);

    auto *board = run->panels->window()->panel(QStringLiteral("overview"))->findChild<poc::StatusBoard *>();
    ASSERT_NE(board, nullptr);
    for (int index = 0; index < 4; ++index)
        EXPECT_EQ(tileStateText(board, index), QStringLiteral("up")) << index;
    EXPECT_TRUE(run->panels->window()->windowTitle().startsWith(QStringLiteral("[DEMO]")));
}

TEST(Window, TilesShowOutageStates)
{
    const poc::test::IsolatedPaths paths;
    const auto run = openWindow(Scenario::Outage);
    ASSERT_TRUE(run);

    auto *board = run->panels->window()->panel(QStringLiteral("overview"))->findChild<poc::StatusBoard *>();
    ASSERT_NE(board, nullptr);
    EXPECT_EQ(tileStateText(board, 0), QStringLiteral("down"));
    EXPECT_EQ(board->tile(0)->state(), poc::EndpointState::Down);
    EXPECT_EQ(tileStateText(board, 3), QStringLiteral("down"));
}

TEST(Window, OverviewShowsGatewayVerification)
{
    const poc::test::IsolatedPaths paths;
    const auto run = openWindow(Scenario::Seed);
    ASSERT_TRUE(run);
    auto *gatewayText = run->panels->window()->panel(QStringLiteral("overview"))->findChild<QLabel *>(
        QStringLiteral("gatewayText"));
    ASSERT_NE(gatewayText, nullptr);
    EXPECT_TRUE(gatewayText->text().contains(QStringLiteral("/mcp/baseline: not verified yet")))
        << gatewayText->text().toStdString();

    auto *button = run->panels->window()->panel(QStringLiteral("overview"))->findChild<QPushButton *>();
    ASSERT_NE(button, nullptr);
    button->click();

    ASSERT_TRUE(poc::test::waitUntil([gatewayText] { return gatewayText->text().contains(QStringLiteral("verified at")); }))
        << gatewayText->text().toStdString();
    EXPECT_TRUE(gatewayText->text().contains(QStringLiteral("lists echo, whoami, add")));
}

TEST(Window, HasEveryPanel)
{
    const poc::test::IsolatedPaths paths;
    const auto run = openWindow(Scenario::Seed);
    ASSERT_TRUE(run);

    QStringList ids = run->panels->window()->panelIds();
    ids.sort();
    EXPECT_EQ(ids, (QStringList{QStringLiteral("facts"), QStringLiteral("fixtures"), QStringLiteral("observability"),
                                QStringLiteral("overview")}));
    EXPECT_NE(run->panels->window()->findChild<QWidget *>(QStringLiteral("evidenceDock")), nullptr);
}

TEST(Window, CaptureActionStoresEvidence)
{
    const poc::test::IsolatedPaths paths;
    const auto run = openWindow(Scenario::Seed);
    ASSERT_TRUE(run);

    run->panels->window()->showPanel(QStringLiteral("overview"));
    run->panels->window()->captureAction()->trigger();

    const QDir evidence(paths.dataHome() + QStringLiteral("/arcade-poc-dashboard/demo/evidence"));
    const QStringList pngs = evidence.entryList({QStringLiteral("*.png")});
    ASSERT_EQ(pngs.size(), 1) << evidence.path().toStdString();
    EXPECT_TRUE(pngs.first().contains(QStringLiteral("overview")));
}

} // namespace

namespace {

QByteArray demoYaml(const QUrl &replicaBase)
{
    QByteArray text = poc::test::readFile(QStringLiteral(POC_SOURCE_DIR "/resources/config/demo.yaml"));
    text.replace("{replica}", replicaBase.toString().toUtf8());
    return text;
}

TEST(WindowController, InvalidEditKeepsLastGoodConfig)
{
    const poc::test::IsolatedPaths paths;
    auto replica = std::make_shared<ReplicaServer>(Scenario::Seed);
    ASSERT_NE(replica->listen(), 0);
    const QString configPath = paths.root() + QStringLiteral("/config.yaml");
    poc::test::writeFile(configPath, demoYaml(replica->baseUrl()));

    poc::app::AppConfig appConfig;
    appConfig.load = poc::loadConfigFile(configPath);
    ASSERT_TRUE(appConfig.load.config.has_value());
    poc::app::WindowController controller(appConfig, configPath);
    poc::MainWindow *firstWindow = controller.window();
    auto *banner = firstWindow->findChild<QWidget *>(QStringLiteral("windowBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isHidden());

    poc::test::writeFile(configPath, "endpoints:\n  - name: engine\n    url: htp:/broken\n");

    ASSERT_TRUE(poc::test::waitUntil([banner] { return !banner->isHidden(); }));
    EXPECT_EQ(controller.window(), firstWindow);
    const QString message = banner->findChild<QLabel *>()->text();
    EXPECT_TRUE(message.contains(QStringLiteral("config.yaml:3:10: endpoints[0].url: invalid URL"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("keeps running on the last good config")));
}

TEST(WindowController, ValidEditStartsNewSession)
{
    const poc::test::IsolatedPaths paths;
    auto replica = std::make_shared<ReplicaServer>(Scenario::Seed);
    ASSERT_NE(replica->listen(), 0);
    const QString configPath = paths.root() + QStringLiteral("/config.yaml");
    poc::test::writeFile(configPath, demoYaml(replica->baseUrl()));

    poc::app::AppConfig appConfig;
    appConfig.load = poc::loadConfigFile(configPath);
    poc::app::WindowController controller(appConfig, configPath);
    const poc::MainWindow *firstWindow = controller.window();

    QByteArray edited = demoYaml(replica->baseUrl());
    edited.replace("name: local replica", "name: edited environment");
    poc::test::writeFile(configPath, edited);

    ASSERT_TRUE(poc::test::waitUntil([&controller, firstWindow] { return controller.window() != firstWindow; }));
    EXPECT_TRUE(controller.window()->windowTitle().contains(QStringLiteral("edited environment")));
    // The new session took over the fixture file's lock from the old one: a session that
    // found it taken would open the table read-only and show that in the window's banner.
    auto *banner = qobject_cast<poc::InlineBanner *>(controller.window()->findChild<QWidget *>(QStringLiteral("windowBanner")));
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isHidden()) << banner->message().toStdString();
}

} // namespace
