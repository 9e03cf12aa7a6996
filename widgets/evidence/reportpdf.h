#pragma once

#include "evidence/reportdocument.h"

#include <QString>

namespace poc {

class ReportBundle;

// Writes the report as an A4 PDF: black text on white whatever the desktop palette,
// bordered tables, each section starting a new page, each capture on a page of its own,
// and a footer with the page number. Images are read from `bundleDir` by their
// relative paths.
bool writeReportPdf(const ReportDocument &document, const QString &bundleDir, const QString &pdfPath, QString *error);

// Registers report.pdf with the bundle, so it is written before SHA256SUMS.
void addPdfToBundle(ReportBundle *bundle);

// Writes a whole report bundle with its PDF: what `report --out DIR` does.
bool writeReportBundle(const ReportInput &input, const QString &dir, bool overwrite, QString *error);

} // namespace poc
