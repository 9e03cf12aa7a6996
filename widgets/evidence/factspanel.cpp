#include "evidence/factspanel.h"

#include "evidence/factsmodel.h"
#include "evidence/markdowncopy.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

// Colours the State column and puts the state in bold, so the state reads in colour
// and in words.
class FactStateDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto state = FactState(index.data(FactsModel::StateRole).toInt());
        const QColor color = FactsPanel::stateColor(state, option->palette);
        option->palette.setColor(QPalette::Text, color);
        option->palette.setColor(QPalette::HighlightedText, color);
        option->font.setBold(state != FactState::Recorded);
    }
};

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QString noteLine(const CategoryNote &note)
{
    QString text = note.text.toHtmlEscaped();
    text.replace(u"\n"_s, u"<br>"_s);
    const QString marker = note.gap ? u" – gap"_s : QString();
    return u"<p><b>%1%2:</b> %3</p>"_s.arg(note.title.toHtmlEscaped(), marker, text);
}

} // namespace

FactsPanel::FactsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new FactsModel(this))
    , m_notes(new QLabel(this))
    , m_view(new QTableView(this))
    , m_copyButton(new QPushButton(u"Copy as Markdown"_s, this))
{
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::RichText);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(FactsModel::StateColumn, new FactStateDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Value and reason are long prose: they wrap in columns of a fixed reading width, and the
    // table scrolls sideways on a narrow window rather than squeezing them to a few letters.
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(FactsModel::ValueColumn, QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(FactsModel::ReasonColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(FactsModel::ValueColumn, fontMetrics().averageCharWidth() * 40);
    m_view->setColumnWidth(FactsModel::ReasonColumn, fontMetrics().averageCharWidth() * 50);
    addCopyAsMarkdownAction(m_view);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_copyButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notes);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_copyButton, &QPushButton::clicked, this, &FactsPanel::handleCopyAsMarkdown);
}

void FactsPanel::setSnapshot(const FactsConfig &config, const QJsonObject &snapshot)
{
    const QList<FactResult> results = evaluateFacts(config, snapshot, QDateTime::currentDateTimeUtc(), m_model->results());
    setResults(results, categoryNotes(results, snapshot));
}

void FactsPanel::setResults(const QList<FactResult> &results, const QList<CategoryNote> &notes)
{
    m_model->setResults(results);
    m_noteList = notes;

    QString html;
    for (const CategoryNote &note : notes)
        html += noteLine(note);
    m_notes->setText(html);
    m_notes->setVisible(!notes.isEmpty());
}

QString FactsPanel::notesText() const
{
    QStringList lines;
    for (const CategoryNote &note : m_noteList)
        lines.append(u"%1: %2"_s.arg(note.title, note.text));
    return lines.join(u'\n');
}

QColor FactsPanel::stateColor(FactState state, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (state) {
    case FactState::Confirmed:
        return dark ? QColor(0x56, 0xd3, 0x64) : QColor(0x1a, 0x7f, 0x37);
    case FactState::Contradicted:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
    case FactState::Unverified:
        return dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
    case FactState::Recorded:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

void FactsPanel::handleCopyAsMarkdown()
{
    copyTableAsMarkdown(*m_view);
}

} // namespace poc
