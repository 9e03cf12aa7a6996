#include "evidence/tableexport.h"

#include <QAbstractItemModel>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QString joinMarkdownRow(const QStringList &cells, qsizetype columnCount)
{
    QStringList escaped;
    for (qsizetype column = 0; column < columnCount; ++column)
        escaped.append(markdownCell(cells.value(column)));
    return u"| "_s + escaped.join(u" | "_s) + u" |\n"_s;
}

QString joinCsvRecord(const QStringList &cells, qsizetype columnCount)
{
    QStringList quoted;
    for (qsizetype column = 0; column < columnCount; ++column)
        quoted.append(csvField(cells.value(column)));
    return quoted.join(u',') + u"\r\n"_s;
}

} // namespace

TextTable textTableFromModel(const QAbstractItemModel &model)
{
    TextTable table;
    const int columns = model.columnCount();
    for (int column = 0; column < columns; ++column)
        table.headers.append(model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());

    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < columns; ++column)
            cells.append(model.index(row, column).data(Qt::DisplayRole).toString());
        table.rows.append(cells);
    }
    return table;
}

QString markdownCell(const QString &text)
{
    QString cell = text.trimmed();
    cell.replace(u"\\"_s, u"\\\\"_s);
    cell.replace(u"|"_s, u"\\|"_s);
    cell.replace(u"\r\n"_s, u"\n"_s);
    cell.replace(u'\r', u'\n');
    cell.replace(u"\n"_s, u"<br>"_s);
    return cell;
}

QString csvField(const QString &text)
{
    const bool needsQuotes = text.contains(u',') || text.contains(u'"')
        || text.contains(u'\r') || text.contains(u'\n');
    if (!needsQuotes)
        return text;

    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString toMarkdown(const TextTable &table)
{
    const qsizetype columns = table.headers.size();
    if (columns == 0)
        return {};

    QString text = joinMarkdownRow(table.headers, columns);
    text += u"|"_s + u" --- |"_s.repeated(columns) + u'\n';
    for (const QStringList &row : table.rows)
        text += joinMarkdownRow(row, columns);
    return text;
}

QString toMarkdown(const QAbstractItemModel &model)
{
    return toMarkdown(textTableFromModel(model));
}

QString toCsv(const TextTable &table)
{
    const qsizetype columns = table.headers.size();
    QString text = joinCsvRecord(table.headers, columns);
    for (const QStringList &row : table.rows)
        text += joinCsvRecord(row, columns);
    return text;
}

QString toCsv(const QAbstractItemModel &model)
{
    return toCsv(textTableFromModel(model));
}

} // namespace poc
