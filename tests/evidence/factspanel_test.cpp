#include "evidence/factsmodel.h"
#include "evidence/factspanel.h"
#include "snapshots.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

TEST(FactsPanel, ShowsIdentityAndObservabilityNotes)
{
    FactsPanel panel;
    panel.setSnapshot(test::defaultFacts(), test::seedSnapshot());

    EXPECT_EQ(panel.model()->rowCount(), 6);
    const QString notes = panel.notesText();
    EXPECT_TRUE(notes.contains(u"Identity (category 2): Entra ID, not Okta yet"_s)) << notes.toStdString();
    EXPECT_TRUE(notes.contains(u"Observability (category 5)"_s));
    EXPECT_TRUE(notes.contains(u"otel-collector-missing"_s));
    EXPECT_TRUE(notes.contains(u"otlp-prometheus-bridge-missing"_s));
}

TEST(FactsPanel, CopyButtonPutsMarkdownOnClipboard)
{
    FactsPanel panel;
    panel.setSnapshot(test::defaultFacts(), test::seedSnapshot());
    QGuiApplication::clipboard()->clear();

    QPushButton *button = panel.findChild<QPushButton *>();
    ASSERT_NE(button, nullptr);
    QTest::mouseClick(button, Qt::LeftButton);

    const QString markdown = QGuiApplication::clipboard()->text();
    EXPECT_TRUE(markdown.startsWith(u"| Fact | State | Value | As of | Age | Last checked | Reason |\n"_s));
    EXPECT_TRUE(markdown.contains(u"| Cluster and deployment | as recorded | backstage-wus2-v4, deployed by Flux | 2026-06-18 |"_s));
    EXPECT_EQ(markdown.count(u'\n'), 2 + 6);
}

TEST(FactsPanel, StateColoursDifferAndSuitDarkPalettes)
{
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));

    const QColor confirmed = FactsPanel::stateColor(FactState::Confirmed, light);
    const QColor contradicted = FactsPanel::stateColor(FactState::Contradicted, light);
    const QColor unverified = FactsPanel::stateColor(FactState::Unverified, light);
    EXPECT_NE(confirmed, contradicted);
    EXPECT_NE(confirmed, unverified);
    EXPECT_NE(contradicted, unverified);
    for (FactState state : {FactState::Confirmed, FactState::Contradicted, FactState::Unverified}) {
        EXPECT_LT(FactsPanel::stateColor(state, light).lightness(), 128);
        EXPECT_GT(FactsPanel::stateColor(state, dark).lightness(), 128);
    }
}

} // namespace
} // namespace poc
