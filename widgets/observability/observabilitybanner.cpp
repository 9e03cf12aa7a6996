#include "observability/observabilitybanner.h"

#include "observability/observabilitycolors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace poc {

ObservabilityBanner::ObservabilityBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setObjectName(u"banner"_s);
    setFrameShape(QFrame::StyledPanel);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_label);
    hide();
}

void ObservabilityBanner::showError(const QString &message, const QString &detail)
{
    show(true, message, detail);
}

void ObservabilityBanner::showWarnings(const QStringList &warnings)
{
    if (warnings.isEmpty()) {
        clear();
        return;
    }
    show(false, warnings.join(u"\n"_s), {});
}

void ObservabilityBanner::clear()
{
    m_label->clear();
    hide();
}

QString ObservabilityBanner::text() const
{
    return m_label->text();
}

void ObservabilityBanner::paintEvent(QPaintEvent *event)
{
    // Painted from the inherited palette, so the banner follows light and dark themes.
    QPainter painter(this);
    painter.fillRect(rect(), bannerColor(m_error, palette()));
    painter.end();
    QFrame::paintEvent(event);
}

void ObservabilityBanner::show(bool error, const QString &text, const QString &toolTip)
{
    m_error = error;
    m_label->setText(text);
    m_label->setToolTip(toolTip);
    setVisible(true);
    update();
}

} // namespace poc
