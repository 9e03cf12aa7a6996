#include "evidence/markdowncopy.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QList<int> shownColumns(const QTableView &view)
{
    const QHeaderView *header = view.horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

} // namespace

TextTable textTableFromView(const QTableView &view)
{
    TextTable table;
    const QAbstractItemModel *model = view.model();
    if (!model)
        return table;

    const QList<int> columns = shownColumns(view);
    for (int column : columns)
        table.headers.append(model->headerData(column, Qt::Horizontal).toString());

    for (int row = 0; row < model->rowCount(); ++row) {
        if (view.isRowHidden(row))
            continue;
        QStringList cells;
        for (int column : columns)
            cells.append(model->index(row, column).data().toString());
        table.rows.append(cells);
    }
    return table;
}

void copyTableAsMarkdown(const QTableView &view)
{
    QGuiApplication::clipboard()->setText(toMarkdown(textTableFromView(view)));
}

QAction *addCopyAsMarkdownAction(QTableView *view)
{
    auto *action = new QAction(u"Copy as Markdown"_s, view);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(action, &QAction::triggered, view, [view] { copyTableAsMarkdown(*view); });

    view->addAction(action);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    return action;
}

} // namespace poc
