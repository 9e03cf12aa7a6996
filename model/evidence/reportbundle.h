#pragma once

#include "evidence/reportdocument.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QDir;

namespace poc {

// Writes a report bundle folder: report.md, the JSON behind each section, a CSV file
// per table, the captures under captures/, any added files (the PDF) and, last,
// SHA256SUMS over every other file in the format `sha256sum -c` reads.
//
// The bundle is built in a temporary sibling folder and renamed into place, so DIR
// holds either a complete bundle or what it held before.
class ReportBundle final
{
public:
    // Writes one extra file of the bundle at `absolutePath`. `bundleDir` is the folder
    // being built, where the captures already are. Returns false and sets `error` on failure.
    using FileWriter = std::function<bool(const ReportDocument &document, const QString &bundleDir,
                                          const QString &absolutePath, QString *error)>;

    explicit ReportBundle(ReportInput input);

    // Adds a file written by another layer, e.g. "report.pdf" by the widgets library.
    void addFile(const QString &relativePath, FileWriter writer);

    // Writes the bundle into `dir`. A `dir` that exists and is not empty is rejected unless
    // `overwrite` is set, in which case its whole content is replaced.
    bool write(const QString &dir, bool overwrite, QString *error);

    // Relative paths of the files of the last successful write, SHA256SUMS included.
    QStringList files() const { return m_files; }
    // The content of the last write (or of the input, before any write).
    const ReportDocument &document() const { return m_document; }

private:
    struct ExtraFile {
        QString relativePath;
        FileWriter writer;
    };

    bool writeContents(const QString &staging, QString *error);
    bool copyCaptures(const QString &staging, QList<ReportImage> *images, QString *error);
    bool writeJsonFiles(const QString &staging, QString *error);
    bool writeTables(const QString &staging, QString *error);
    bool writeChecksums(const QString &staging, QString *error);

    ReportInput m_input;
    ReportDocument m_document;
    QList<ExtraFile> m_extraFiles;
    QStringList m_files;
};

// Writes `bytes` to `path` through QSaveFile, so a reader never sees half a file.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);

// Returns the SHA256SUMS text for the files under `dir`: "<hex>  <relative path>\n" per
// file, sorted by path, leaving out SHA256SUMS itself. Empty with `error` set when a file
// cannot be read.
std::optional<QString> sha256Sums(const QString &dir, QString *error);

} // namespace poc
