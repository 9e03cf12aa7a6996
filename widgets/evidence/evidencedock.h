#pragma once

#include "evidence/evidencestore.h"

#include <QDockWidget>
#include <QHash>
#include <QIcon>
#include <QList>

class QAction;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class QFrame;

namespace poc {

// Lists the captures of an EvidenceStore with thumbnail, time and note. Names and
// notes are edited in place (F2 renames, "Annotate" edits the note). Del deletes both
// files of the selected captures, and an inline banner offers to undo that.
class EvidenceDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvidenceDock)

public:
    enum Column { NameColumn, TimeColumn, NoteColumn };

    explicit EvidenceDock(EvidenceStore *store, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QAction *renameAction() const { return m_renameAction; }
    QAction *annotateAction() const { return m_annotateAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *undoDeleteAction() const { return m_undoAction; }
    QAction *copyImageAction() const { return m_copyImageAction; }
    QAction *openFolderAction() const { return m_openFolderAction; }

    // The text of the inline banner (an error or the undo offer), empty when hidden.
    QString bannerText() const;
    // Ids of the selected captures, in list order.
    QStringList selectedIds() const;
    void selectId(const QString &id);

Q_SIGNALS:
    // A capture was activated (double-click on its thumbnail or time, or Enter).
    void captureActivated(const QString &pngPath);

private:
    void buildActions();
    void buildLayout();
    void handleStoreChanged();
    void handleItemChanged(QTreeWidgetItem *item, int column);
    void handleRename();
    void handleAnnotate();
    void handleDelete();
    void handleUndoDelete();
    void handleCopyImage();
    void handleOpenFolder();
    void handleSelectionChanged();
    void showBanner(const QString &text, bool offerUndo);
    void hideBanner();
    QIcon thumbnail(const EvidenceItem &item);
    QTreeWidgetItem *currentItem() const;

    EvidenceStore *m_store = nullptr;
    QTreeWidget *m_list = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerLabel = nullptr;
    QPushButton *m_undoButton = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_annotateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_copyImageAction = nullptr;
    QAction *m_openFolderAction = nullptr;
    QList<DeletedCapture> m_lastDeleted;
    QHash<QString, QPair<QDateTime, QIcon>> m_thumbnails; // by PNG path, with its modification time
    bool m_reloading = false;
};

} // namespace poc
