#include "evidence/evidencedock.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QToolBar>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

const QSize kThumbnailSize(96, 64); // logical pixels
constexpr int kIdRole = Qt::UserRole;
constexpr int kPathRole = Qt::UserRole + 1;

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
}

QString captureToolTip(const EvidenceItem &item)
{
    QString text = u"%1\nPanel: %2"_s.arg(QDir::toNativeSeparators(item.pngPath), item.panel);
    if (item.demo)
        text += u"\nDEMO data"_s;
    return text;
}

QAction *makeAction(const QString &text, const QKeySequence &shortcut, QWidget *parent)
{
    auto *action = new QAction(text, parent);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    parent->addAction(action);
    return action;
}

} // namespace

EvidenceDock::EvidenceDock(EvidenceStore *store, QWidget *parent)
    : QDockWidget(u"Evidence"_s, parent)
    , m_store(store)
    , m_list(new QTreeWidget(this))
{
    setObjectName(u"evidenceDock"_s);
    buildActions();
    buildLayout();

    // Queued: a rename finishes inside the list's own itemChanged signal, and the reload
    // that follows replaces that very item.
    connect(m_store, &EvidenceStore::changed, this, &EvidenceDock::handleStoreChanged, Qt::QueuedConnection);
    connect(m_list, &QTreeWidget::itemChanged, this, &EvidenceDock::handleItemChanged);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &EvidenceDock::handleSelectionChanged);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT captureActivated(item->data(NameColumn, kPathRole).toString());
    });
    handleStoreChanged();
}

void EvidenceDock::buildActions()
{
    m_renameAction = makeAction(u"Rename"_s, QKeySequence(Qt::Key_F2), this);
    m_annotateAction = makeAction(u"Annotate"_s, QKeySequence(Qt::CTRL | Qt::Key_E), this);
    m_deleteAction = makeAction(u"Delete"_s, QKeySequence::Delete, this);
    m_undoAction = makeAction(u"Undo delete"_s, QKeySequence::Undo, this);
    m_copyImageAction = makeAction(u"Copy image"_s, QKeySequence::Copy, this);
    m_openFolderAction = makeAction(u"Open folder"_s, QKeySequence(), this);
    m_undoAction->setEnabled(false);

    connect(m_renameAction, &QAction::triggered, this, &EvidenceDock::handleRename);
    connect(m_annotateAction, &QAction::triggered, this, &EvidenceDock::handleAnnotate);
    connect(m_deleteAction, &QAction::triggered, this, &EvidenceDock::handleDelete);
    connect(m_undoAction, &QAction::triggered, this, &EvidenceDock::handleUndoDelete);
    connect(m_copyImageAction, &QAction::triggered, this, &EvidenceDock::handleCopyImage);
    connect(m_openFolderAction, &QAction::triggered, this, &EvidenceDock::handleOpenFolder);
}

void EvidenceDock::buildLayout()
{
    auto *toolBar = new QToolBar(this);
    toolBar->addActions({m_renameAction, m_annotateAction, m_deleteAction, m_copyImageAction, m_openFolderAction});

    m_banner = new QFrame(this);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_bannerLabel = new QLabel(m_banner);
    m_bannerLabel->setWordWrap(true);
    m_undoButton = new QPushButton(u"Undo"_s, m_banner);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerLabel, 1);
    bannerLayout->addWidget(m_undoButton);
    m_banner->hide();
    connect(m_undoButton, &QPushButton::clicked, this, &EvidenceDock::handleUndoDelete);

    m_list->setColumnCount(3);
    m_list->setHeaderLabels({u"Capture"_s, u"Time"_s, u"Note"_s});
    m_list->setRootIsDecorated(false);
    m_list->setIconSize(kThumbnailSize);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_list->header()->setStretchLastSection(true);
    // Room for the thumbnail and a name such as "20261204-200000-overview" beside it.
    m_list->setColumnWidth(NameColumn, kThumbnailSize.width() + fontMetrics().averageCharWidth() * 26);
    m_list->setTextElideMode(Qt::ElideMiddle);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_list, 1);
    setWidget(content);
}

QString EvidenceDock::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_bannerLabel->text();
}

QStringList EvidenceDock::selectedIds() const
{
    QStringList ids;
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->isSelected())
            ids.append(item->data(NameColumn, kIdRole).toString());
    }
    return ids;
}

void EvidenceDock::selectId(const QString &id)
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->data(NameColumn, kIdRole).toString() == id) {
            m_list->setCurrentItem(item, NameColumn);
            return;
        }
    }
}

void EvidenceDock::handleStoreChanged()
{
    const QStringList selected = selectedIds();
    const QString current = currentItem() ? currentItem()->data(NameColumn, kIdRole).toString() : QString();

    m_reloading = true;
    m_list->clear();
    for (const EvidenceItem &capture : m_store->items()) {
        auto *item = new QTreeWidgetItem(m_list, {capture.displayName, formatTime(capture.capturedAt), capture.note});
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setData(NameColumn, kIdRole, capture.id);
        item->setData(NameColumn, kPathRole, capture.pngPath);
        item->setIcon(NameColumn, thumbnail(capture));
        item->setToolTip(NameColumn, captureToolTip(capture));
        if (capture.id == current)
            m_list->setCurrentItem(item, NameColumn, QItemSelectionModel::NoUpdate);
        item->setSelected(selected.contains(capture.id));
    }
    m_reloading = false;
    handleSelectionChanged();
}

void EvidenceDock::handleItemChanged(QTreeWidgetItem *item, int column)
{
    if (m_reloading || column == TimeColumn)
        return;

    const QString id = item->data(NameColumn, kIdRole).toString();
    const QString text = item->text(column);
    QString error;
    const bool saved = column == NameColumn ? m_store->rename(id, text, &error) : m_store->annotate(id, text, &error);
    if (!saved)
        showBanner(error, false);
}

void EvidenceDock::handleRename()
{
    if (QTreeWidgetItem *item = currentItem())
        m_list->editItem(item, NameColumn);
}

void EvidenceDock::handleAnnotate()
{
    if (QTreeWidgetItem *item = currentItem())
        m_list->editItem(item, NoteColumn);
}

void EvidenceDock::handleDelete()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;

    QList<DeletedCapture> deleted;
    for (const QString &id : ids) {
        QString error;
        std::optional<DeletedCapture> capture = m_store->remove(id, &error);
        if (!capture) {
            showBanner(error, false);
            return;
        }
        deleted.append(*capture);
    }

    m_lastDeleted = deleted;
    m_undoAction->setEnabled(true);
    showBanner(deleted.size() == 1 ? u"Deleted 1 capture."_s : u"Deleted %1 captures."_s.arg(deleted.size()), true);
}

void EvidenceDock::handleUndoDelete()
{
    for (const DeletedCapture &capture : std::as_const(m_lastDeleted)) {
        QString error;
        if (!m_store->restore(capture, &error)) {
            showBanner(error, false);
            return;
        }
    }
    m_lastDeleted.clear();
    m_undoAction->setEnabled(false);
    hideBanner();
}

void EvidenceDock::handleCopyImage()
{
    QTreeWidgetItem *item = currentItem();
    if (!item)
        return;

    const QString path = item->data(NameColumn, kPathRole).toString();
    const QImage image(path);
    if (image.isNull()) {
        showBanner(u"Could not read the capture %1."_s.arg(QDir::toNativeSeparators(path)), false);
        return;
    }
    QGuiApplication::clipboard()->setImage(image);
}

void EvidenceDock::handleOpenFolder()
{
    QDir().mkpath(m_store->folder());
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(m_store->folder())))
        showBanner(u"Could not open the folder %1 in the file manager."_s.arg(QDir::toNativeSeparators(m_store->folder())), false);
}

void EvidenceDock::handleSelectionChanged()
{
    const bool hasCurrent = currentItem() != nullptr;
    m_renameAction->setEnabled(hasCurrent);
    m_annotateAction->setEnabled(hasCurrent);
    m_copyImageAction->setEnabled(hasCurrent);
    m_deleteAction->setEnabled(!selectedIds().isEmpty());
}

void EvidenceDock::showBanner(const QString &text, bool offerUndo)
{
    m_bannerLabel->setText(text);
    m_undoButton->setVisible(offerUndo);
    m_banner->show();
}

void EvidenceDock::hideBanner()
{
    m_banner->hide();
    m_bannerLabel->clear();
}

QIcon EvidenceDock::thumbnail(const EvidenceItem &item)
{
    const QDateTime modified = QFileInfo(item.pngPath).lastModified();
    const auto cached = m_thumbnails.constFind(item.pngPath);
    if (cached != m_thumbnails.cend() && cached->first == modified)
        return cached->second;

    QImageReader reader(item.pngPath);
    reader.setScaledSize(reader.size().scaled(kThumbnailSize * devicePixelRatio(), Qt::KeepAspectRatio));
    QPixmap pixmap = QPixmap::fromImage(reader.read());
    pixmap.setDevicePixelRatio(devicePixelRatio());
    const QIcon icon(pixmap);
    m_thumbnails.insert(item.pngPath, {modified, icon});
    return icon;
}

QTreeWidgetItem *EvidenceDock::currentItem() const
{
    QTreeWidgetItem *item = m_list->currentItem();
    return item && item->isSelected() ? item : nullptr;
}

} // namespace poc
