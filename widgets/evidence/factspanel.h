#pragma once

#include "core/config.h"
#include "evidence/facts.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace poc {

class FactsModel;

// The frozen facts against live state: category notes (the identity gap of category 2,
// the observability gaps of category 5) above a table of every fact with its value,
// age, state in colour and words, last check and reason.
class FactsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FactsPanel)

public:
    explicit FactsPanel(QWidget *parent = nullptr);

    // Evaluates the facts against a snapshot document at the current time, carrying
    // each fact's last confirmation over from the previous snapshot.
    void setSnapshot(const FactsConfig &config, const QJsonObject &snapshot);
    // Shows results evaluated elsewhere.
    void setResults(const QList<FactResult> &results, const QList<CategoryNote> &notes);

    FactsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The notes as shown, one per line, for tests and the report.
    QString notesText() const;

    // Returns the colour of a state in `palette`, with lighter shades on dark palettes.
    static QColor stateColor(FactState state, const QPalette &palette);

private:
    void handleCopyAsMarkdown();

    FactsModel *m_model = nullptr;
    QLabel *m_notes = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_copyButton = nullptr;
    QList<CategoryNote> m_noteList;
};

} // namespace poc
