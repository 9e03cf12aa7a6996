#pragma once

#include "observability/gaprules.h"

#include <QFrame>

class QLabel;

namespace poc {

// One category-5 gap indicator: its state in colour and words, the evidence behind it,
// since when it has been in that state, the fix, and a marker once it went from open to closed.
class GapCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GapCard)

public:
    GapCard(const GapRule &rule, QWidget *parent = nullptr);

    // Shows `evaluation`; `entry` (may be null) gives since when and the open -> closed moment.
    void setEvaluation(const GapEvaluation &evaluation, const GapTracker::Entry *entry);

    GapState state() const { return m_state; }
    QString stateText() const;
    QString evidenceText() const;
    QString closedMarkerText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void showState();
    static QString evidenceFor(const GapEvaluation &evaluation);

    GapState m_state = GapState::Unknown;
    QLabel *m_title;
    QLabel *m_stateLabel;
    QLabel *m_reason;
    QLabel *m_evidence;
    QLabel *m_sample;
    QLabel *m_since;
    QLabel *m_closedMarker;
    QLabel *m_fix;
};

} // namespace poc
