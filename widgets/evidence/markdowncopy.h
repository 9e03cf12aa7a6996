#pragma once

#include "evidence/tableexport.h"

class QAction;
class QTableView;

namespace poc {

// The table as the view shows it: columns in visual order without hidden ones, rows
// in the order of the view's model (a sort proxy's order included).
TextTable textTableFromView(const QTableView &view);

// Puts the view's table on the clipboard as a Markdown table.
void copyTableAsMarkdown(const QTableView &view);

// Adds a "Copy as Markdown" action (Ctrl+Shift+C while the view has focus) to the
// view's context menu and returns it. The view owns the action.
QAction *addCopyAsMarkdownAction(QTableView *view);

} // namespace poc
