#pragma once

#include "evidence/tableexport.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSize>
#include <QSizeF>
#include <QString>
#include <QStringList>

namespace poc {

// What goes into a report: the snapshot document and the captures to embed.
struct ReportInput {
    QJsonObject snapshot;       // the `check --format json` document, facts included
    QDateTime sessionStartedAt; // UTC. When invalid, `session_started_at` of the snapshot is used
    QStringList capturePaths;   // PNG files, each copied with its sidecar ("out.png" -> "out.json") if present
};

struct ReportTable {
    QString csvName; // file name of its CSV export, e.g. "endpoints.csv"
    QString title;   // sub-heading, empty for a section's main table
    TextTable table;
    QString emptyText; // shown instead of a table without rows
};

struct ReportImage {
    QString path;    // relative to the bundle folder, e.g. "captures/overview.png"
    QString caption;
    QSize size;      // in pixels, invalid when unknown
};

struct ReportNote {
    QString title;
    QString text; // may contain line breaks
};

struct ReportSection {
    QString title;
    QList<QPair<QString, QString>> fields; // label, value
    QStringList paragraphs;
    QList<ReportNote> notes;
    QList<ReportTable> tables;
    QList<ReportImage> images;
    QString emptyText; // shown when the section has no tables and no images
};

// The report's content, rendered to Markdown for report.md and to HTML for the PDF.
struct ReportDocument {
    QString title;
    bool demo = false;
    QList<ReportSection> sections;

    QList<ReportTable> allTables() const;
};

// Builds the sections: environment and time range, endpoints, observability gaps with
// their Kibana and Mimir evidence, fixtures, frozen facts, captures. `images` are the
// captures as they will sit in the bundle.
ReportDocument buildReportDocument(const ReportInput &input, const QList<ReportImage> &images);

// Markdown for a wiki: tables escape `|` and line breaks, images link their relative paths.
QString toMarkdown(const ReportDocument &document);

// HTML for QTextDocument: black on white, bordered tables, each section on a new page
// and each capture on a page of its own. Images keep their aspect ratio inside
// `maxImageSize`, in CSS pixels (1/96 inch).
QString toHtml(const ReportDocument &document, const QSizeF &maxImageSize);

} // namespace poc
