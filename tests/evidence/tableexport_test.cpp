#include "csvreader.h"
#include "evidence/markdowncopy.h"
#include "evidence/tableexport.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace poc {
namespace {

TextTable awkwardTable()
{
    return {{u"Fixture"_s, u"Value"_s, u"Note"_s},
            {{u"project"_s, u"a|b"_s, u"line one\nline two"_s},
             {u"api-key"_s, u"ci-eval …WXYZ"_s, u"He said \"yes\", then left"_s},
             {u"whoami-field"_s, u"C:\\path"_s, u"crlf\r\nend"_s}}};
}

TEST(TableExport, MarkdownEscapesPipesAndBreaks)
{
    const QString markdown = toMarkdown(awkwardTable());
    const QStringList lines = markdown.split(u'\n', Qt::SkipEmptyParts);

    ASSERT_EQ(lines.size(), 5);
    EXPECT_EQ(lines.at(0), u"| Fixture | Value | Note |"_s);
    EXPECT_EQ(lines.at(1), u"| --- | --- | --- |"_s);
    EXPECT_EQ(lines.at(2), u"| project | a\\|b | line one<br>line two |"_s);
    EXPECT_EQ(lines.at(4), u"| whoami-field | C:\\\\path | crlf<br>end |"_s);
}

TEST(TableExport, CsvRoundTrips)
{
    const TextTable table = awkwardTable();
    const QString csv = toCsv(table);

    const auto records = test::parseCsv(csv);
    ASSERT_TRUE(records.has_value()) << csv.toStdString();
    ASSERT_EQ(records->size(), 4);
    EXPECT_EQ(records->at(0), table.headers);
    for (qsizetype row = 0; row < table.rows.size(); ++row)
        EXPECT_EQ(records->at(row + 1), table.rows.at(row));
    EXPECT_TRUE(csv.contains(u"\"He said \"\"yes\"\", then left\""_s));
}

TEST(TableExport, ModelHeadersAndRows)
{
    QStandardItemModel model(2, 2);
    model.setHorizontalHeaderLabels({u"Endpoint"_s, u"State"_s});
    model.setItem(0, 0, new QStandardItem(u"engine"_s));
    model.setItem(0, 1, new QStandardItem(u"up"_s));
    model.setItem(1, 0, new QStandardItem(u"dashboard"_s));
    model.setItem(1, 1, new QStandardItem(u"auth_required"_s));

    EXPECT_EQ(toMarkdown(model), u"| Endpoint | State |\n| --- | --- |\n| engine | up |\n| dashboard | auth_required |\n"_s);
    EXPECT_EQ(toCsv(model), u"Endpoint,State\r\nengine,up\r\ndashboard,auth_required\r\n"_s);
}

TEST(MarkdownCopy, FollowsViewOrderAndHiddenColumns)
{
    QStandardItemModel model(2, 3);
    model.setHorizontalHeaderLabels({u"Endpoint"_s, u"State"_s, u"Error"_s});
    const QStringList first{u"engine"_s, u"up"_s, u""_s};
    const QStringList second{u"coordinator"_s, u"down"_s, u"503"_s};
    for (int column = 0; column < 3; ++column) {
        model.setItem(0, column, new QStandardItem(first.at(column)));
        model.setItem(1, column, new QStandardItem(second.at(column)));
    }
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(0);
    QTableView view;
    view.setModel(&proxy);
    view.horizontalHeader()->moveSection(1, 0);
    view.setColumnHidden(2, true);

    copyTableAsMarkdown(view);

    EXPECT_EQ(QGuiApplication::clipboard()->text(),
              u"| State | Endpoint |\n| --- | --- |\n| down | coordinator |\n| up | engine |\n"_s);
}

} // namespace
} // namespace poc
