#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QAbstractItemModel;

namespace poc {

// A table as plain text cells: one header row and any number of data rows.
struct TextTable {
    QStringList headers;
    QList<QStringList> rows;
};

// Reads the horizontal header and every row's DisplayRole text of a flat model.
// Child rows of tree models are not included.
TextTable textTableFromModel(const QAbstractItemModel &model);

// Escapes one Markdown table cell: `|` and backslashes get a backslash, line breaks
// become <br>, so the table survives pasting into a wiki.
QString markdownCell(const QString &text);

// Quotes one CSV field as RFC 4180 asks: fields with a comma, quote, CR or LF are
// enclosed in double quotes and their quotes doubled.
QString csvField(const QString &text);

// Formats a GitHub-flavoured Markdown table, each line ending in LF.
QString toMarkdown(const TextTable &table);
QString toMarkdown(const QAbstractItemModel &model);

// Formats RFC 4180 CSV: a header record, then one record per row, each ending in CRLF.
QString toCsv(const TextTable &table);
QString toCsv(const QAbstractItemModel &model);

} // namespace poc
