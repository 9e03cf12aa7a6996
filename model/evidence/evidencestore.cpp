#include "evidence/evidencestore.h"

#include "core/logging.h"
#include "evidence/provenance.h"
#include "evidence/reportbundle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QJsonObject readSidecar(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

EvidenceItem itemFromFiles(const QFileInfo &png)
{
    EvidenceItem item;
    item.id = png.completeBaseName();
    item.pngPath = png.absoluteFilePath();
    item.sidecarPath = sidecarPath(item.pngPath);

    const QJsonObject sidecar = readSidecar(item.sidecarPath);
    item.displayName = sidecar.value(u"display_name"_s).toString();
    if (item.displayName.isEmpty())
        item.displayName = item.id;
    item.note = sidecar.value(u"note"_s).toString();
    item.panel = sidecar.value(u"panel"_s).toString();
    item.demo = sidecar.value(u"demo"_s).toBool();
    item.capturedAt = QDateTime::fromString(sidecar.value(u"captured_at"_s).toString(), Qt::ISODate).toUTC();
    if (!item.capturedAt.isValid())
        item.capturedAt = png.lastModified().toUTC();
    return item;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

EvidenceStore::EvidenceStore(const QString &folder, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
{
}

QString EvidenceStore::defaultFolder(bool demo)
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return demo ? data + u"/demo/evidence"_s : data + u"/evidence"_s;
}

QList<EvidenceItem> EvidenceStore::items() const
{
    QList<EvidenceItem> items;
    const QFileInfoList pngs = QDir(m_folder).entryInfoList({u"*.png"_s}, QDir::Files);
    for (const QFileInfo &png : pngs)
        items.append(itemFromFiles(png));

    std::sort(items.begin(), items.end(), [](const EvidenceItem &left, const EvidenceItem &right) {
        return left.capturedAt != right.capturedAt ? left.capturedAt > right.capturedAt : left.id < right.id;
    });
    return items;
}

std::optional<EvidenceItem> EvidenceStore::item(const QString &id) const
{
    const QFileInfo png(pathFor(id, u".png"_s));
    if (id.isEmpty() || id.contains(u'/') || !png.exists())
        return std::nullopt;
    return itemFromFiles(png);
}

QString EvidenceStore::newCapturePath(const QString &panel, const QDateTime &capturedAt) const
{
    QDir().mkpath(m_folder);
    const QString base = capturedAt.toUTC().toString(u"yyyyMMdd-HHmmss"_s) + u'-' + panel;
    QString id = base;
    for (int counter = 2; QFileInfo::exists(pathFor(id, u".png"_s)); ++counter)
        id = u"%1-%2"_s.arg(base).arg(counter);
    return pathFor(id, u".png"_s);
}

bool EvidenceStore::rename(const QString &id, const QString &displayName, QString *error)
{
    return updateSidecar(id, u"display_name"_s, displayName.trimmed(), error);
}

bool EvidenceStore::annotate(const QString &id, const QString &note, QString *error)
{
    return updateSidecar(id, u"note"_s, note.trimmed(), error);
}

std::optional<DeletedCapture> EvidenceStore::remove(const QString &id, QString *error)
{
    if (!checkId(id, error))
        return std::nullopt;

    const QString png = pathFor(id, u".png"_s);
    const QString sidecar = pathFor(id, u".json"_s);
    DeletedCapture deleted{id, readAll(png), readAll(sidecar)};
    if (!QFile::remove(png)) {
        *error = u"Could not delete capture %1."_s.arg(png);
        return std::nullopt;
    }
    if (QFileInfo::exists(sidecar) && !QFile::remove(sidecar))
        qCWarning(lcEvidence) << "Could not delete the sidecar" << sidecar;

    qCInfo(lcEvidence) << "Deleted capture" << id;
    Q_EMIT changed();
    return deleted;
}

bool EvidenceStore::restore(const DeletedCapture &capture, QString *error)
{
    if (!writeFileAtomically(pathFor(capture.id, u".png"_s), capture.png, error))
        return false;
    if (!capture.sidecar.isEmpty() && !writeFileAtomically(pathFor(capture.id, u".json"_s), capture.sidecar, error))
        return false;

    Q_EMIT changed();
    return true;
}

void EvidenceStore::notifyChanged()
{
    Q_EMIT changed();
}

bool EvidenceStore::updateSidecar(const QString &id, const QString &key, const QString &value, QString *error)
{
    if (!checkId(id, error))
        return false;

    const QString path = pathFor(id, u".json"_s);
    QJsonObject sidecar = readSidecar(path);
    sidecar.insert(key, value);
    if (!writeFileAtomically(path, QJsonDocument(sidecar).toJson(QJsonDocument::Indented), error))
        return false;

    Q_EMIT changed();
    return true;
}

QString EvidenceStore::pathFor(const QString &id, const QString &suffix) const
{
    return m_folder + u'/' + id + suffix;
}

bool EvidenceStore::checkId(const QString &id, QString *error) const
{
    if (item(id))
        return true;
    *error = u"Capture %1 was not found in %2."_s.arg(id, m_folder);
    return false;
}

} // namespace poc
