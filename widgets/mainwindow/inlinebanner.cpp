#include "mainwindow/inlinebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace poc {

InlineBanner::InlineBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_detailButton(new QToolButton(this))
    , m_closeButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("inlineBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setVisible(false);
    m_detailButton->setText(tr("Details"));
    m_detailButton->setCheckable(true);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_closeButton->setToolTip(tr("Dismiss"));
    m_closeButton->setAutoRaise(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_text, 1);
    row->addWidget(m_detailButton);
    row->addWidget(m_closeButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_detail);

    connect(m_detailButton, &QToolButton::toggled, m_detail, &QLabel::setVisible);
    connect(m_closeButton, &QToolButton::clicked, this, &InlineBanner::hide);
    hide();
}

void InlineBanner::showMessage(Level level, const QString &message, const QString &detail)
{
    applyLevel(level);
    m_text->setText(message);
    m_detail->setText(detail);
    m_detailButton->setVisible(!detail.isEmpty());
    m_detailButton->setChecked(false);
    setToolTip(detail);
    show();
}

QString InlineBanner::message() const
{
    return m_text->text();
}

QString InlineBanner::detail() const
{
    return m_detail->text();
}

void InlineBanner::applyLevel(Level level)
{
    // Tinted backgrounds mixed from the palette stay legible in light and dark themes.
    const QColor accent = level == Level::Error     ? QColor(0xd3, 0x2f, 0x2f)
                          : level == Level::Warning ? QColor(0xed, 0x8b, 0x00)
                                                    : QColor(0x19, 0x76, 0xd2);
    const QColor base = palette().color(QPalette::Window);
    QColor tint;
    tint.setRgbF(base.redF() * 0.8f + accent.redF() * 0.2f, base.greenF() * 0.8f + accent.greenF() * 0.2f,
                 base.blueF() * 0.8f + accent.blueF() * 0.2f);

    QPalette bannerPalette = palette();
    bannerPalette.setColor(QPalette::Window, tint);
    setPalette(bannerPalette);
}

} // namespace poc
