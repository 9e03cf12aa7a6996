#include "observability/gapcard.h"

#include "observability/observabilitycolors.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s;
}

QLabel *wrappingLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

GapCard::GapCard(const GapRule &rule, QWidget *parent)
    : QFrame(parent)
    , m_title(wrappingLabel(u"title"_s, this))
    , m_stateLabel(new QLabel(this))
    , m_reason(wrappingLabel(u"reason"_s, this))
    , m_evidence(wrappingLabel(u"evidence"_s, this))
    , m_sample(wrappingLabel(u"sample"_s, this))
    , m_since(wrappingLabel(u"since"_s, this))
    , m_closedMarker(wrappingLabel(u"closedMarker"_s, this))
    , m_fix(wrappingLabel(u"fix"_s, this))
{
    setObjectName(u"gap-"_s + rule.id);
    setFrameShape(QFrame::StyledPanel);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setText(u"Category %1 gap: %2"_s.arg(rule.category, rule.title));

    m_stateLabel->setObjectName(u"state"_s);
    QFont stateFont = m_stateLabel->font();
    stateFont.setBold(true);
    stateFont.setPointSizeF(stateFont.pointSizeF() * 1.6);
    m_stateLabel->setFont(stateFont);

    m_sample->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_closedMarker->hide();
    m_fix->setText(u"Fix: "_s + rule.fix);

    auto *layout = new QVBoxLayout(this);
    for (QWidget *widget : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_stateLabel),
                            static_cast<QWidget *>(m_reason), static_cast<QWidget *>(m_evidence),
                            static_cast<QWidget *>(m_sample), static_cast<QWidget *>(m_since),
                            static_cast<QWidget *>(m_closedMarker), static_cast<QWidget *>(m_fix)})
        layout->addWidget(widget);
    layout->setAlignment(Qt::AlignTop);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    showState();
}

void GapCard::setEvaluation(const GapEvaluation &evaluation, const GapTracker::Entry *entry)
{
    m_state = evaluation.state;
    m_reason->setText(evaluation.reason);
    m_evidence->setText(evidenceFor(evaluation));
    m_sample->setText(evaluation.sampleLine);
    m_sample->setVisible(!evaluation.sampleLine.isEmpty());

    m_since->setText(entry ? u"In this state since %1 (as far as this session has seen)"_s.arg(utcText(entry->since)) : QString());
    const bool closedOnce = entry && entry->closedAt.isValid();
    m_closedMarker->setText(closedOnce ? u"✔ Went from open to closed at %1"_s.arg(utcText(entry->closedAt)) : QString());
    m_closedMarker->setVisible(closedOnce);
    showState();
}

QString GapCard::stateText() const
{
    return m_stateLabel->text();
}

QString GapCard::evidenceText() const
{
    return m_evidence->text();
}

QString GapCard::closedMarkerText() const
{
    return m_closedMarker->isVisibleTo(this) ? m_closedMarker->text() : QString();
}

void GapCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        showState();
    QFrame::changeEvent(event);
}

void GapCard::showState()
{
    m_stateLabel->setText(toString(m_state));
    const QString color = gapStateColor(m_state, palette()).name();
    m_stateLabel->setStyleSheet(u"color: %1;"_s.arg(color));
    m_closedMarker->setStyleSheet(u"color: %1; font-weight: bold;"_s.arg(gapStateColor(GapState::Closed, palette()).name()));
}

QString GapCard::evidenceFor(const GapEvaluation &evaluation)
{
    QStringList parts;
    if (evaluation.count >= 0) {
        const QString what = evaluation.source == GapSource::Kibana ? u"matching log lines"_s : u"series"_s;
        const QString atLeast = evaluation.countIsLowerBound ? u"at least "_s : QString();
        parts.append(u"%1%2 %3"_s.arg(atLeast).arg(evaluation.count).arg(what));
    }
    if (evaluation.lastSeen.isValid())
        parts.append(u"last seen %1"_s.arg(utcText(evaluation.lastSeen)));
    if (evaluation.evidenceAt.isValid())
        parts.append(u"fetched %1"_s.arg(utcText(evaluation.evidenceAt)));
    return parts.join(u" · "_s);
}

} // namespace poc
