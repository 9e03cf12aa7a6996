#include "evidence/reportbundle.h"

#include "core/logging.h"
#include "evidence/provenance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

const QString kChecksumFile = u"SHA256SUMS"_s;
const QString kCaptureFolder = u"captures"_s;

bool isEmptyFolder(const QString &path)
{
    return QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

QByteArray indentedJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

// File names in SHA256SUMS must not need the escaping sha256sum uses for unusual
// characters, so capture names are reduced to a safe set.
QString safeFileName(const QString &baseName)
{
    QString name = baseName;
    name.replace(QRegularExpression(u"[^A-Za-z0-9._-]+"_s), u"-"_s);
    name.remove(QRegularExpression(u"^[.-]+"_s));
    return name.isEmpty() ? u"capture"_s : name;
}

QString uniqueCaptureName(const QString &path, QStringList *taken)
{
    const QString base = safeFileName(QFileInfo(path).completeBaseName());
    QString name = base;
    for (int counter = 2; taken->contains(name); ++counter)
        name = u"%1-%2"_s.arg(base).arg(counter);
    taken->append(name);
    return name;
}

QString captionFor(const QString &fileName, const std::optional<CaptureProvenance> &provenance)
{
    if (!provenance)
        return fileName;

    const QString name = provenance->displayName.isEmpty() ? fileName : provenance->displayName;
    QString caption = u"%1: panel %2, captured %3"_s.arg(
        name, provenance->panel, provenance->capturedAt.toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s));
    if (provenance->demo)
        caption += u" (DEMO)"_s;
    if (!provenance->note.isEmpty())
        caption += u". "_s + provenance->note;
    return caption;
}

std::optional<QJsonObject> readJsonObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;

    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

bool moveAside(const QString &dir, QString *oldCopy, QString *error)
{
    for (int counter = 1; counter < 1000; ++counter) {
        const QString candidate = u"%1.old-%2"_s.arg(dir).arg(counter);
        if (QFileInfo::exists(candidate))
            continue;
        if (QDir().rename(dir, candidate)) {
            *oldCopy = candidate;
            return true;
        }
        break;
    }
    *error = u"Could not move the old content of %1 aside to replace it."_s.arg(dir);
    return false;
}

bool moveIntoPlace(const QString &staging, const QString &dir, QString *error)
{
    QString oldCopy;
    if (QFileInfo::exists(dir)) {
        const bool cleared = isEmptyFolder(dir) ? QDir().rmdir(dir) : moveAside(dir, &oldCopy, error);
        if (!cleared) {
            if (error->isEmpty())
                *error = u"Could not replace the empty folder %1."_s.arg(dir);
            return false;
        }
    }

    if (!QDir().rename(staging, dir)) {
        if (!oldCopy.isEmpty())
            QDir().rename(oldCopy, dir);
        *error = u"Could not move the finished report into %1."_s.arg(dir);
        return false;
    }

    if (!oldCopy.isEmpty() && !QDir(oldCopy).removeRecursively())
        qCWarning(lcEvidence) << "Could not remove the replaced report folder" << oldCopy;
    return true;
}

bool checkTarget(const QString &dir, bool overwrite, QString *error)
{
    const QFileInfo target(dir);
    if (target.exists() && !target.isDir()) {
        *error = u"Report folder %1 is a file. Choose a folder path."_s.arg(dir);
        return false;
    }
    if (target.exists() && !isEmptyFolder(dir) && !overwrite) {
        *error = u"Report folder %1 is not empty. Choose a new or empty folder, or allow overwriting it."_s.arg(dir);
        return false;
    }
    return true;
}

} // namespace

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = u"Could not write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<QString> sha256Sums(const QString &dir, QString *error)
{
    const QDir root(dir);
    QStringList paths;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(root.relativeFilePath(it.next()));
    paths.removeAll(kChecksumFile);
    paths.sort();

    QString sums;
    for (const QString &path : paths) {
        QFile file(root.filePath(path));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
            *error = u"Could not read %1 to checksum it: %2"_s.arg(file.fileName(), file.errorString());
            return std::nullopt;
        }
        sums += QString::fromLatin1(hash.result().toHex()) + u"  "_s + path + u'\n';
    }
    return sums;
}

ReportBundle::ReportBundle(ReportInput input)
    : m_input(std::move(input))
    , m_document(buildReportDocument(m_input, {}))
{
}

void ReportBundle::addFile(const QString &relativePath, FileWriter writer)
{
    m_extraFiles.append({relativePath, std::move(writer)});
}

bool ReportBundle::write(const QString &dir, bool overwrite, QString *error)
{
    const QString target = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    if (!checkTarget(target, overwrite, error))
        return false;

    const QFileInfo info(target);
    QDir().mkpath(info.absolutePath());
    QTemporaryDir staging(info.absolutePath() + u'/' + info.fileName() + u".partial-XXXXXX"_s);
    if (!staging.isValid()) {
        *error = u"Could not create a folder next to %1: %2"_s.arg(target, staging.errorString());
        return false;
    }

    if (!writeContents(staging.path(), error) || !moveIntoPlace(staging.path(), target, error))
        return false;
    staging.setAutoRemove(false);
    qCInfo(lcEvidence) << "Wrote report bundle" << target << "with" << m_files.size() << "files";
    return true;
}

bool ReportBundle::writeContents(const QString &staging, QString *error)
{
    m_input.snapshot = scrubSecrets(m_input.snapshot);

    QList<ReportImage> images;
    if (!copyCaptures(staging, &images, error))
        return false;

    m_document = buildReportDocument(m_input, images);
    if (!writeFileAtomically(staging + u"/report.md"_s, toMarkdown(m_document).toUtf8(), error))
        return false;
    if (!writeJsonFiles(staging, error) || !writeTables(staging, error))
        return false;

    for (const ExtraFile &extra : std::as_const(m_extraFiles)) {
        const QString path = staging + u'/' + extra.relativePath;
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (!extra.writer(m_document, staging, path, error))
            return false;
    }
    return writeChecksums(staging, error);
}

bool ReportBundle::copyCaptures(const QString &staging, QList<ReportImage> *images, QString *error)
{
    QStringList taken;
    for (const QString &path : std::as_const(m_input.capturePaths)) {
        QFile source(path);
        if (!source.open(QIODevice::ReadOnly)) {
            *error = u"Could not read capture %1: %2"_s.arg(path, source.errorString());
            return false;
        }

        const QString name = uniqueCaptureName(path, &taken);
        const QString relativePng = kCaptureFolder + u'/' + name + u".png"_s;
        if (!writeFileAtomically(staging + u'/' + relativePng, source.readAll(), error))
            return false;

        const std::optional<QJsonObject> sidecar = readJsonObject(sidecarPath(path));
        std::optional<CaptureProvenance> provenance;
        if (sidecar) {
            provenance = provenanceFromJson(*sidecar);
            const QString relativeJson = kCaptureFolder + u'/' + name + u".json"_s;
            if (!writeFileAtomically(staging + u'/' + relativeJson, indentedJson(scrubSecrets(*sidecar)), error))
                return false;
        }
        images->append({relativePng, captionFor(name + u".png"_s, provenance),
                        provenance ? provenance->imageSize : QSize()});
    }
    return true;
}

bool ReportBundle::writeJsonFiles(const QString &staging, QString *error)
{
    const QJsonObject &snapshot = m_input.snapshot;
    const QJsonObject header{
        {u"generated_at"_s, snapshot.value(u"generated_at"_s)},
        {u"environment"_s, snapshot.value(u"environment"_s)},
        {u"demo"_s, snapshot.value(u"demo"_s).toBool()},
    };

    const QList<std::pair<QString, QStringList>> files{
        {u"endpoints.json"_s, {u"endpoints"_s}},
        {u"observability.json"_s, {u"kibana"_s, u"mimir"_s}},
        {u"gaps.json"_s, {u"gaps"_s}},
        {u"fixtures.json"_s, {u"fixtures"_s}},
        {u"facts.json"_s, {u"facts"_s}},
    };
    for (const auto &[fileName, sections] : files) {
        QJsonObject object = header;
        for (const QString &section : sections)
            object.insert(section, snapshot.contains(section) ? snapshot.value(section) : QJsonValue());
        if (!writeFileAtomically(staging + u'/' + fileName, indentedJson(object), error))
            return false;
    }
    return true;
}

bool ReportBundle::writeTables(const QString &staging, QString *error)
{
    for (const ReportTable &table : m_document.allTables()) {
        if (!writeFileAtomically(staging + u'/' + table.csvName, toCsv(table.table).toUtf8(), error))
            return false;
    }
    return true;
}

bool ReportBundle::writeChecksums(const QString &staging, QString *error)
{
    const std::optional<QString> sums = sha256Sums(staging, error);
    if (!sums || !writeFileAtomically(staging + u'/' + kChecksumFile, sums->toUtf8(), error))
        return false;

    m_files.clear();
    for (const QString &line : sums->split(u'\n', Qt::SkipEmptyParts))
        m_files.append(line.mid(66)); // 64 hex digits and two spaces
    m_files.append(kChecksumFile);
    return true;
}

} // namespace poc
