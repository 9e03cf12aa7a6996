#include "csvreader.h"
#include "evidence/capturerenderer.h"
#include "evidence/facts.h"
#include "evidence/reportbundle.h"
#include "evidence/reportpdf.h"
#include "snapshots.h"
#include "testsupport.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

const QString kTrickyNote = u"He said \"yes\", then | left\nsecond line"_s;

QJsonObject reportSnapshot()
{
    QJsonObject snapshot = test::seedSnapshot();
    QJsonArray fixtures = snapshot.value(u"fixtures"_s).toArray();
    QJsonObject apiKey = fixtures.at(1).toObject();
    apiKey.insert(u"value"_s, u"ci-eval …WXYZ"_s);
    apiKey.insert(u"status"_s, u"recorded"_s);
    apiKey.insert(u"note"_s, kTrickyNote);
    fixtures.replace(1, apiKey);
    snapshot.insert(u"fixtures"_s, fixtures);

    // A secret that leaked into a log line must not leak into the report.
    QJsonObject kibana = snapshot.value(u"kibana"_s).toObject();
    QJsonArray queries = kibana.value(u"queries"_s).toArray();
    QJsonObject query = queries.at(0).toObject();
    query.insert(u"lines"_s, QJsonArray{QJsonObject{{u"message"_s, u"Authorization: Bearer "_s + QString::fromLatin1(test::kFakeSecret)}}});
    queries.replace(0, query);
    kibana.insert(u"queries"_s, queries);
    snapshot.insert(u"kibana"_s, kibana);

    snapshot.insert(u"facts"_s, factsJson(evaluateFacts(test::defaultFacts(), snapshot, test::snapshotTime())));
    return snapshot;
}

QString writeTestCapture(const QString &dir, const QString &panel)
{
    QWidget widget;
    auto *layout = new QVBoxLayout(&widget);
    layout->addWidget(new QLabel(u"Panel %1"_s.arg(panel)));
    widget.resize(400, 240);

    CaptureProvenance provenance = provenanceFromSnapshot(test::seedSnapshot(), panel);
    provenance.displayName = u"%1 at 20:00"_s.arg(panel);
    const QString path = dir + u'/' + panel + u".png"_s;
    QString error;
    EXPECT_TRUE(writeCapture(&widget, provenance, path, &error)) << error.toStdString();
    return path;
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(dir).relativeFilePath(it.next()));
    files.sort();
    return files;
}

QString requireTool(const QString &name, const char *package)
{
    const QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        ADD_FAILURE() << name.toStdString() << " is missing: install the Debian package " << package;
    return path;
}

class ReportBundleTest : public testing::Test
{
protected:
    void SetUp() override
    {
        m_captures = writeTestCapture(m_work.path(), u"overview"_s);
        m_second = writeTestCapture(m_work.path(), u"observability"_s);
        m_bundle = m_work.filePath(u"bundle"_s);
    }

    bool writeBundle(QString *error, bool overwrite = false)
    {
        ReportInput input{reportSnapshot(), QDateTime::fromString(u"2026-12-04T08:00:00Z"_s, Qt::ISODate),
                          {m_captures, m_second}};
        return writeReportBundle(input, m_bundle, overwrite, error);
    }

    QString readText(const QString &relative) const
    {
        return QString::fromUtf8(test::readFile(m_bundle + u'/' + relative));
    }

    QTemporaryDir m_work;
    QString m_captures;
    QString m_second;
    QString m_bundle;
};

TEST_F(ReportBundleTest, WritesEveryFile)
{
    QString error;
    ASSERT_TRUE(writeBundle(&error)) << error.toStdString();

    const QStringList expected{
        u"SHA256SUMS"_s, u"captures/observability.json"_s, u"captures/observability.png"_s,
        u"captures/overview.json"_s, u"captures/overview.png"_s, u"endpoints.csv"_s, u"endpoints.json"_s,
        u"facts.csv"_s, u"facts.json"_s, u"fixtures.csv"_s, u"fixtures.json"_s, u"gaps.csv"_s, u"gaps.json"_s,
        u"kibana-queries.csv"_s, u"mimir-queries.csv"_s, u"observability.json"_s, u"report.md"_s, u"report.pdf"_s,
    };
    EXPECT_EQ(filesUnder(m_bundle), expected);
    EXPECT_TRUE(QDir(m_work.path()).entryList({u"bundle.partial-*"_s}, QDir::Dirs).isEmpty());
}

TEST_F(ReportBundleTest, MarkdownHasEverySection)
{
    QString error;
    ASSERT_TRUE(writeBundle(&error)) << error.toStdString();
    const QString markdown = readText(u"report.md"_s);

    for (const QString &heading : {u"# Arcade POC evidence report: DEMO replica"_s, u"## Environment"_s,
                                   u"## Endpoints"_s, u"## Observability gaps (category 5)"_s,
                                   u"### Kibana log queries"_s, u"### Mimir metric queries"_s,
                                   u"## Phase 1 fixtures"_s, u"## Frozen facts"_s, u"## Captures"_s})
        EXPECT_TRUE(markdown.contains(heading)) << heading.toStdString();

    EXPECT_TRUE(markdown.contains(u"> **DEMO**"_s));
    EXPECT_TRUE(markdown.contains(u"2026-12-04 08:00:00 UTC to 2026-12-04 20:00:00 UTC (this session)"_s));
    EXPECT_TRUE(markdown.contains(u"| engine | http://127.0.0.1:40123/v1/health | up | 200 | 42 | 61 | 99.3 % | 100.0 % |"_s));
    EXPECT_TRUE(markdown.contains(u"| otel-collector-missing | open | 2026-06-18T09:12:44Z |"_s));
    EXPECT_TRUE(markdown.contains(u"15 matching log lines"_s));
    EXPECT_TRUE(markdown.contains(u"| api-key | ci-eval …WXYZ | recorded |"_s));
    EXPECT_TRUE(markdown.contains(u"He said \"yes\", then \\| left<br>second line"_s));
    EXPECT_TRUE(markdown.contains(u"Entra ID, not Okta yet"_s));
    EXPECT_TRUE(markdown.contains(u"| Upstream identity provider | confirmed | Entra ID app registration, not Okta yet | 2026-06-18 | 169 days |"_s));
    EXPECT_TRUE(markdown.contains(u"](captures/overview.png)"_s));
    EXPECT_TRUE(markdown.contains(u"](captures/observability.png)"_s));
    EXPECT_TRUE(markdown.contains(u"overview at 20:00: panel overview, captured 2026-12-04 20:00:00 UTC (DEMO)"_s));
}

TEST_F(ReportBundleTest, ChecksumsVerifyWithSha256sum)
{
    QString error;
    ASSERT_TRUE(writeBundle(&error)) << error.toStdString();
    const QString sha256sum = requireTool(u"sha256sum"_s, "coreutils");
    ASSERT_FALSE(sha256sum.isEmpty());

    QProcess check;
    check.setWorkingDirectory(m_bundle);
    check.start(sha256sum, {u"-c"_s, u"--strict"_s, u"SHA256SUMS"_s});
    ASSERT_TRUE(check.waitForFinished(30000));
    EXPECT_EQ(check.exitCode(), 0) << check.readAllStandardError().constData();

    QStringList listed;
    for (const QString &line : readText(u"SHA256SUMS"_s).split(u'\n', Qt::SkipEmptyParts))
        listed.append(line.mid(66));
    QStringList others = filesUnder(m_bundle);
    others.removeAll(u"SHA256SUMS"_s);
    EXPECT_EQ(listed, others);

    test::writeFile(m_bundle + u"/endpoints.csv"_s, "tampered\r\n");
    QProcess recheck;
    recheck.setWorkingDirectory(m_bundle);
    recheck.start(sha256sum, {u"-c"_s, u"--quiet"_s, u"SHA256SUMS"_s});
    ASSERT_TRUE(recheck.waitForFinished(30000));
    EXPECT_EQ(recheck.exitCode(), 1);
    EXPECT_TRUE(recheck.readAllStandardOutput().contains("endpoints.csv: FAILED"));
}

TEST_F(ReportBundleTest, PdfRendersExpectedPages)
{
    // A dark desktop palette must not turn the printed text white.
    const QPalette saved = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Text, Qt::white);
    dark.setColor(QPalette::WindowText, Qt::white);
    dark.setColor(QPalette::Base, Qt::black);
    dark.setColor(QPalette::Window, Qt::black);
    QApplication::setPalette(dark);
    QString error;
    const bool written = writeBundle(&error);
    QApplication::setPalette(saved);
    ASSERT_TRUE(written) << error.toStdString();

    const QString pdftoppm = requireTool(u"pdftoppm"_s, "poppler-utils");
    ASSERT_FALSE(pdftoppm.isEmpty());
    QTemporaryDir pages;
    QProcess render;
    render.start(pdftoppm, {u"-r"_s, u"40"_s, u"-png"_s, m_bundle + u"/report.pdf"_s, pages.filePath(u"page"_s)});
    ASSERT_TRUE(render.waitForFinished(60000));
    ASSERT_EQ(render.exitCode(), 0) << render.readAllStandardError().constData();

    const QStringList rendered = QDir(pages.path()).entryList({u"page-*.png"_s}, QDir::Files, QDir::Name);
    // Environment, endpoints, observability, fixtures, facts, then one page per capture.
    EXPECT_EQ(rendered.size(), 5 + 2);

    const QImage first(pages.filePath(rendered.value(0)));
    ASSERT_FALSE(first.isNull());
    EXPECT_EQ(first.pixelColor(2, 2), QColor(Qt::white));
    int darkPixels = 0;
    for (int y = 0; y < first.height(); ++y) {
        for (int x = 0; x < first.width(); ++x)
            darkPixels += first.pixelColor(x, y).lightness() < 100 ? 1 : 0;
    }
    EXPECT_GT(darkPixels, 200) << "no dark text on the first page";
}

TEST_F(ReportBundleTest, CsvParsesBack)
{
    QString error;
    ASSERT_TRUE(writeBundle(&error)) << error.toStdString();

    const auto endpoints = test::parseCsv(readText(u"endpoints.csv"_s));
    ASSERT_TRUE(endpoints.has_value());
    ASSERT_EQ(endpoints->size(), 1 + 4);
    EXPECT_EQ(endpoints->at(0).first(), u"Endpoint"_s);
    EXPECT_EQ(endpoints->at(3).at(0), u"dashboard"_s);
    EXPECT_EQ(endpoints->at(3).at(2), u"auth_required"_s);

    const auto fixtures = test::parseCsv(readText(u"fixtures.csv"_s));
    ASSERT_TRUE(fixtures.has_value());
    ASSERT_EQ(fixtures->size(), 1 + 6);
    EXPECT_EQ(fixtures->at(2).at(5), kTrickyNote);

    const auto facts = test::parseCsv(readText(u"facts.csv"_s));
    ASSERT_TRUE(facts.has_value());
    EXPECT_EQ(facts->size(), 1 + 6);
    EXPECT_EQ(facts->at(0), (QStringList{u"Fact"_s, u"State"_s, u"Value"_s, u"As of"_s, u"Age"_s, u"Last checked"_s, u"Reason"_s}));
}

TEST_F(ReportBundleTest, JsonSectionsAndNoSecret)
{
    QString error;
    ASSERT_TRUE(writeBundle(&error)) << error.toStdString();

    const QJsonObject gaps = QJsonDocument::fromJson(test::readFile(m_bundle + u"/gaps.json"_s)).object();
    EXPECT_EQ(gaps.value(u"gaps"_s).toArray().size(), 2);
    EXPECT_EQ(gaps.value(u"generated_at"_s).toString(), u"2026-12-04T20:00:00Z"_s);
    const QJsonObject observability = QJsonDocument::fromJson(test::readFile(m_bundle + u"/observability.json"_s)).object();
    EXPECT_TRUE(observability.value(u"kibana"_s).toObject().value(u"configured"_s).toBool());
    EXPECT_EQ(observability.value(u"mimir"_s).toObject().value(u"tenant"_s).toString(), u"k8s-backstage-v4"_s);

    const QByteArray secretStart = QByteArray(test::kFakeSecret).left(12);
    for (const QString &file : filesUnder(m_bundle))
        EXPECT_FALSE(test::readFile(m_bundle + u'/' + file).contains(secretStart)) << file.toStdString();
}

TEST_F(ReportBundleTest, RejectsNonEmptyFolder)
{
    test::writeFile(m_bundle + u"/notes.txt"_s, "keep me");
    QString error;

    EXPECT_FALSE(writeBundle(&error));
    EXPECT_TRUE(error.contains(m_bundle)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"not empty"_s));
    EXPECT_EQ(test::readFile(m_bundle + u"/notes.txt"_s), "keep me");
    EXPECT_EQ(filesUnder(m_bundle), QStringList{u"notes.txt"_s});

    ASSERT_TRUE(writeBundle(&error, true)) << error.toStdString();
    EXPECT_FALSE(QFile::exists(m_bundle + u"/notes.txt"_s));
    EXPECT_TRUE(QFile::exists(m_bundle + u"/SHA256SUMS"_s));
    EXPECT_TRUE(QDir(m_work.path()).entryList({u"bundle.old-*"_s}, QDir::Dirs).isEmpty());
}

TEST_F(ReportBundleTest, EmptyFolderAccepted)
{
    QDir().mkpath(m_bundle);
    QString error;

    ASSERT_TRUE(writeBundle(&error)) << error.toStdString();
    EXPECT_TRUE(QFile::exists(m_bundle + u"/report.md"_s));
}

TEST_F(ReportBundleTest, MissingCaptureFails)
{
    ReportInput input{reportSnapshot(), {}, {m_work.filePath(u"missing.png"_s)}};
    QString error;

    EXPECT_FALSE(writeReportBundle(input, m_bundle, false, &error));
    EXPECT_TRUE(error.contains(u"missing.png"_s)) << error.toStdString();
    EXPECT_FALSE(QFileInfo::exists(m_bundle));
    EXPECT_TRUE(QDir(m_work.path()).entryList({u"bundle.partial-*"_s}, QDir::Dirs).isEmpty());
}

} // namespace
} // namespace poc
