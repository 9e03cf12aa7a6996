#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace poc {

// One capture in the store: a PNG and its sidecar JSON with the same base name.
struct EvidenceItem {
    QString id;          // the base name of both files, e.g. "20261204-200000-overview"
    QString pngPath;
    QString sidecarPath; // may not exist for a PNG copied in by hand
    QString displayName; // the user's name for it, or the id when none was set
    QString note;
    QString panel;
    QDateTime capturedAt; // UTC, from the sidecar or else the PNG's modification time
    bool demo = false;
};

// The bytes of a deleted capture, kept by the caller so that the deletion can be undone.
struct DeletedCapture {
    QString id;
    QByteArray png;
    QByteArray sidecar; // empty when there was none
};

// The captures kept in one folder, each a PNG with a sidecar. Names and notes live in
// the sidecar, so renaming never moves a file that a report may already link.
class EvidenceStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvidenceStore)

public:
    explicit EvidenceStore(const QString &folder, QObject *parent = nullptr);

    // "<app data>/evidence", or "<app data>/demo/evidence" for demo captures, so demo
    // evidence never mixes with the live environment's.
    static QString defaultFolder(bool demo);

    QString folder() const { return m_folder; }

    // Reads the folder and returns the captures, newest first.
    QList<EvidenceItem> items() const;
    std::optional<EvidenceItem> item(const QString &id) const;

    // Creates the folder and returns a free PNG path for a new capture, e.g. ".../20261204-200000-overview.png".
    QString newCapturePath(const QString &panel, const QDateTime &capturedAt) const;

    bool rename(const QString &id, const QString &displayName, QString *error);
    bool annotate(const QString &id, const QString &note, QString *error);
    // Deletes both files and returns their bytes for restore().
    std::optional<DeletedCapture> remove(const QString &id, QString *error);
    bool restore(const DeletedCapture &capture, QString *error);

    // Tells views that a capture was added from outside the store.
    void notifyChanged();

Q_SIGNALS:
    void changed();

private:
    bool updateSidecar(const QString &id, const QString &key, const QString &value, QString *error);
    QString pathFor(const QString &id, const QString &suffix) const;
    bool checkId(const QString &id, QString *error) const;

    QString m_folder;
};

} // namespace poc
