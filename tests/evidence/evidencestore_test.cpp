#include "evidence/capturerenderer.h"
#include "evidence/evidencedock.h"
#include "evidence/evidencestore.h"
#include "snapshots.h"
#include "testsupport.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

// Records the URLs QDesktopServices would open, instead of starting a file manager.
class UrlRecorder final : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

    Q_INVOKABLE void handleUrl(const QUrl &url) { urls.append(url); }
};

QString addCapture(EvidenceStore *store, const QString &panel, const QDateTime &at)
{
    QLabel widget(u"Panel %1"_s.arg(panel));
    widget.resize(200, 80);
    CaptureProvenance provenance = provenanceFromSnapshot(test::seedSnapshot(), panel);
    provenance.capturedAt = at;
    QString error;
    const QString id = captureIntoStore(&widget, provenance, store, &error);
    EXPECT_FALSE(id.isEmpty()) << error.toStdString();
    return id;
}

QJsonObject sidecarOf(const EvidenceStore &store, const QString &id)
{
    return QJsonDocument::fromJson(test::readFile(store.folder() + u'/' + id + u".json"_s)).object();
}

class EvidenceStoreTest : public testing::Test
{
protected:
    test::IsolatedPaths m_paths;
    QTemporaryDir m_dir;
    EvidenceStore m_store{m_dir.filePath(u"evidence"_s)};
};

TEST_F(EvidenceStoreTest, ListsNewestFirst)
{
    const QString older = addCapture(&m_store, u"overview"_s, test::snapshotTime());
    const QString newer = addCapture(&m_store, u"facts"_s, test::snapshotTime().addSecs(60));

    const QList<EvidenceItem> items = m_store.items();
    ASSERT_EQ(items.size(), 2);
    EXPECT_EQ(items.at(0).id, newer);
    EXPECT_EQ(items.at(0).panel, u"facts"_s);
    EXPECT_EQ(items.at(1).id, u"20261204-200000-overview"_s);
    EXPECT_EQ(items.at(1).displayName, older);
    EXPECT_TRUE(items.at(1).demo);
}

TEST_F(EvidenceStoreTest, SameSecondGetsUniqueName)
{
    const QString first = addCapture(&m_store, u"overview"_s, test::snapshotTime());
    const QString second = addCapture(&m_store, u"overview"_s, test::snapshotTime());

    EXPECT_NE(first, second);
    EXPECT_EQ(second, u"20261204-200000-overview-2"_s);
}

TEST_F(EvidenceStoreTest, RenameAndAnnotateKeepProvenance)
{
    const QString id = addCapture(&m_store, u"observability"_s, test::snapshotTime());
    QSignalSpy changed(&m_store, &EvidenceStore::changed);
    QString error;

    ASSERT_TRUE(m_store.rename(id, u"  Export failures before the fix "_s, &error)) << error.toStdString();
    ASSERT_TRUE(m_store.annotate(id, u"Taken for the category 5 score."_s, &error)) << error.toStdString();

    EXPECT_EQ(changed.size(), 2);
    const std::optional<EvidenceItem> item = m_store.item(id);
    ASSERT_TRUE(item.has_value());
    EXPECT_EQ(item->displayName, u"Export failures before the fix"_s);
    EXPECT_EQ(item->note, u"Taken for the category 5 score."_s);
    const QJsonObject sidecar = sidecarOf(m_store, id);
    EXPECT_EQ(sidecar.value(u"display_name"_s).toString(), u"Export failures before the fix"_s);
    EXPECT_EQ(sidecar.value(u"panel"_s).toString(), u"observability"_s);
    EXPECT_EQ(sidecar.value(u"environment"_s).toString(), u"DEMO replica"_s);
    EXPECT_TRUE(QFile::exists(item->pngPath));
}

TEST_F(EvidenceStoreTest, DeleteRemovesBothFilesAndRestores)
{
    const QString id = addCapture(&m_store, u"fixtures"_s, test::snapshotTime());
    const QString png = m_store.folder() + u'/' + id + u".png"_s;
    const QString json = m_store.folder() + u'/' + id + u".json"_s;
    const QByteArray pngBytes = test::readFile(png);
    QString error;

    const std::optional<DeletedCapture> deleted = m_store.remove(id, &error);

    ASSERT_TRUE(deleted.has_value()) << error.toStdString();
    EXPECT_FALSE(QFile::exists(png));
    EXPECT_FALSE(QFile::exists(json));
    EXPECT_TRUE(m_store.items().isEmpty());

    ASSERT_TRUE(m_store.restore(*deleted, &error)) << error.toStdString();
    EXPECT_EQ(test::readFile(png), pngBytes);
    EXPECT_TRUE(QFile::exists(json));
}

TEST_F(EvidenceStoreTest, UnknownIdRejected)
{
    QString error;

    EXPECT_FALSE(m_store.rename(u"20990101-000000-overview"_s, u"x"_s, &error));
    EXPECT_TRUE(error.contains(u"20990101-000000-overview"_s));
    EXPECT_FALSE(m_store.remove(u"../evidence/x"_s, &error).has_value());
}

TEST_F(EvidenceStoreTest, DemoFolderKeptApart)
{
    const QString live = EvidenceStore::defaultFolder(false);
    const QString demo = EvidenceStore::defaultFolder(true);

    EXPECT_TRUE(live.startsWith(m_paths.dataHome())) << live.toStdString();
    EXPECT_TRUE(live.endsWith(u"/evidence"_s));
    EXPECT_TRUE(demo.endsWith(u"/demo/evidence"_s));
    EXPECT_NE(live, demo);
}

class EvidenceDockTest : public EvidenceStoreTest
{
protected:
    void SetUp() override
    {
        m_older = addCapture(&m_store, u"overview"_s, test::snapshotTime());
        m_newer = addCapture(&m_store, u"facts"_s, test::snapshotTime().addSecs(60));
    }

    QString m_older;
    QString m_newer;
};

TEST_F(EvidenceDockTest, ListsCapturesWithThumbnails)
{
    EvidenceDock dock(&m_store);

    ASSERT_EQ(dock.list()->topLevelItemCount(), 2);
    QTreeWidgetItem *first = dock.list()->topLevelItem(0);
    EXPECT_EQ(first->text(EvidenceDock::NameColumn), m_newer);
    EXPECT_EQ(first->text(EvidenceDock::TimeColumn), u"2026-12-04 20:01:00 UTC"_s);
    EXPECT_FALSE(first->icon(EvidenceDock::NameColumn).isNull());
}

TEST_F(EvidenceDockTest, EditingCellsRenamesAndAnnotates)
{
    EvidenceDock dock(&m_store);
    QTreeWidgetItem *item = dock.list()->topLevelItem(1);

    item->setText(EvidenceDock::NameColumn, u"Overview at 20:00"_s);
    ASSERT_TRUE(test::waitUntil([&] { return m_store.item(m_older)->displayName == u"Overview at 20:00"_s; }));
    dock.list()->topLevelItem(1)->setText(EvidenceDock::NoteColumn, u"All four endpoints up"_s);

    ASSERT_TRUE(test::waitUntil([&] { return m_store.item(m_older)->note == u"All four endpoints up"_s; }));
    ASSERT_TRUE(test::waitUntil([&] {
        return dock.list()->topLevelItem(1)->text(EvidenceDock::NoteColumn) == u"All four endpoints up"_s;
    }));
    EXPECT_EQ(dock.list()->topLevelItem(1)->text(EvidenceDock::NameColumn), u"Overview at 20:00"_s);
}

TEST_F(EvidenceDockTest, F2StartsRenaming)
{
    EvidenceDock dock(&m_store);
    dock.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dock));
    dock.activateWindow();
    dock.list()->setFocus();
    dock.selectId(m_older);

    QTest::keyClick(dock.list(), Qt::Key_F2);

    const auto *editor = dock.list()->viewport()->findChild<QLineEdit *>();
    ASSERT_NE(editor, nullptr) << "F2 opened no editor";
    EXPECT_TRUE(editor->isVisible());
    EXPECT_EQ(editor->text(), m_older);
    EXPECT_EQ(dock.list()->currentColumn(), int(EvidenceDock::NameColumn));
}

TEST_F(EvidenceDockTest, DelKeyDeletes)
{
    EvidenceDock dock(&m_store);
    dock.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dock));
    dock.activateWindow();
    dock.list()->setFocus();
    dock.selectId(m_older);

    QTest::keyClick(dock.list(), Qt::Key_Delete);

    ASSERT_TRUE(test::waitUntil([&] { return dock.list()->topLevelItemCount() == 1; }));
    EXPECT_FALSE(m_store.item(m_older).has_value());
    EXPECT_TRUE(m_store.item(m_newer).has_value());
}

TEST_F(EvidenceDockTest, DeleteThenUndo)
{
    EvidenceDock dock(&m_store);
    dock.selectId(m_newer);

    dock.deleteAction()->trigger();

    ASSERT_TRUE(test::waitUntil([&] { return dock.list()->topLevelItemCount() == 1; }));
    EXPECT_FALSE(QFile::exists(m_store.folder() + u'/' + m_newer + u".png"_s));
    EXPECT_FALSE(QFile::exists(m_store.folder() + u'/' + m_newer + u".json"_s));
    EXPECT_EQ(dock.bannerText(), u"Deleted 1 capture."_s);
    EXPECT_TRUE(dock.undoDeleteAction()->isEnabled());

    dock.undoDeleteAction()->trigger();

    ASSERT_TRUE(test::waitUntil([&] { return dock.list()->topLevelItemCount() == 2; }));
    EXPECT_TRUE(QFile::exists(m_store.folder() + u'/' + m_newer + u".json"_s));
    EXPECT_TRUE(dock.bannerText().isEmpty());
}

TEST_F(EvidenceDockTest, CopyImageToClipboard)
{
    EvidenceDock dock(&m_store);
    dock.selectId(m_older);

    dock.copyImageAction()->trigger();

    const QImage expected(m_store.item(m_older)->pngPath);
    EXPECT_EQ(QGuiApplication::clipboard()->image().size(), expected.size());
}

TEST_F(EvidenceDockTest, OpenFolderOpensFileUrl)
{
    UrlRecorder recorder;
    QDesktopServices::setUrlHandler(u"file"_s, &recorder, "handleUrl");
    EvidenceDock dock(&m_store);

    dock.openFolderAction()->trigger();
    QDesktopServices::unsetUrlHandler(u"file"_s);

    ASSERT_EQ(recorder.urls.size(), 1);
    EXPECT_EQ(recorder.urls.first(), QUrl::fromLocalFile(m_store.folder()));
}

} // namespace
} // namespace poc

#include "evidencestore_test.moc"
