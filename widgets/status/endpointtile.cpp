#include "status/endpointtile.h"

#include "core/config.h"
#include "probe/endpointtracker.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

// Share of the state colour mixed into the tile background: enough to tell states apart
// at a glance, little enough that the palette's text colour stays legible on it.
constexpr double kTintShare = 0.16;

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor mix(const QColor &base, const QColor &tint, double share)
{
    return QColor::fromRgbF(float(base.redF() * (1 - share) + tint.redF() * share),
                            float(base.greenF() * (1 - share) + tint.greenF() * share),
                            float(base.blueF() * (1 - share) + tint.blueF() * share));
}

QString httpText(const ProbeResult &result)
{
    QString text = result.httpStatus > 0 ? u"HTTP %1"_s.arg(result.httpStatus) : u"no HTTP response"_s;
    if (!result.signInHost.isEmpty())
        text += u", sign-in at %1"_s.arg(result.signInHost);
    return text;
}

QString certificateText(const ProbeResult &result)
{
    const std::optional<int> daysLeft = result.tlsDaysLeft();
    if (!daysLeft)
        return result.url.scheme() == u"https"_s ? u"certificate not seen"_s : u"no TLS"_s;
    if (*daysLeft < 0)
        return u"certificate expired %1 days ago"_s.arg(-*daysLeft);
    return u"certificate: %1 days left"_s.arg(*daysLeft);
}

void setOptionalText(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

EndpointTile::EndpointTile(const EndpointConfig &endpoint, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"endpointTile_%1"_s.arg(endpoint.name));
    setToolTip(endpoint.url.toString());

    const QFontMetrics metrics(font());
    const int stripeWidth = std::max(3, metrics.height() / 4);
    auto *layout = new QVBoxLayout(this);
    const int margin = metrics.height() / 2;
    layout->setContentsMargins(margin + stripeWidth, margin, margin, margin);
    layout->setSpacing(metrics.height() / 6);
    setMinimumWidth(metrics.averageCharWidth() * 30);

    m_titleLabel = addLabel(u"title"_s);
    m_titleLabel->setText(endpoint.title.isEmpty() ? endpoint.name : endpoint.title);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_titleLabel->setFont(titleFont);

    m_stateLabel = addLabel(u"state"_s);
    QFont stateFont = m_stateLabel->font();
    stateFont.setBold(true);
    m_stateLabel->setFont(stateFont);
    m_stateLabel->setText(u"not checked yet"_s);

    m_debounceLabel = addLabel(u"debounce"_s);
    m_httpLabel = addLabel(u"httpStatus"_s);
    m_latencyLabel = addLabel(u"latency"_s);
    m_checkedLabel = addLabel(u"lastChecked"_s);
    m_certificateLabel = addLabel(u"certificate"_s);
    m_uptimeLabel = addLabel(u"uptime"_s);
    m_errorLabel = addLabel(u"error"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_debounceLabel->hide();
    m_errorLabel->hide();
    layout->addStretch();
}

EndpointTile::~EndpointTile() = default;

QString EndpointTile::uptimeText(const EndpointTracker &tracker)
{
    const auto percent = [](std::optional<double> value) {
        return value ? u"%1 %"_s.arg(*value, 0, 'f', 1) : u"n/a"_s;
    };
    return u"uptime %1 (last hour %2)"_s.arg(percent(tracker.sessionUptime()),
                                            percent(tracker.lastHourUptime(QDateTime::currentDateTimeUtc())));
}

void EndpointTile::showTracker(const EndpointTracker &tracker)
{
    m_state = tracker.displayedState();
    if (!tracker.hasResult() || !m_state)
        return;

    const ProbeResult &result = tracker.latest();
    m_stateLabel->setText(toString(*m_state));
    setOptionalText(m_debounceLabel, tracker.debounceText());
    m_httpLabel->setText(httpText(result));
    m_latencyLabel->setText(u"%1 ms"_s.arg(result.latencyMs));
    m_checkedLabel->setText(u"checked %1"_s.arg(QLocale().toString(result.checkedAt.toLocalTime().time(), QLocale::LongFormat)));
    m_certificateLabel->setText(certificateText(result));
    m_uptimeLabel->setText(uptimeText(tracker));
    setOptionalText(m_errorLabel, result.error);
    update();
}

QColor EndpointTile::stateColor(std::optional<EndpointState> state, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    if (!state || *state == EndpointState::NotConfigured)
        return palette.color(QPalette::Mid);

    switch (*state) {
    case EndpointState::Up:
        return dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
    case EndpointState::AuthRequired:
        return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x15, 0x65, 0xc0);
    case EndpointState::Degraded:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x6a, 0x00);
    default:
        return dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
    }
}

void EndpointTile::paintEvent(QPaintEvent *event)
{
    const QColor color = stateColor(m_state, palette());
    const int stripeWidth = std::max(3, fontMetrics().height() / 4);

    QPainter painter(this);
    painter.fillRect(rect(), mix(palette().color(QPalette::Window), color, kTintShare));
    painter.fillRect(QRect(0, 0, stripeWidth, height()), color);
    painter.end();

    QFrame::paintEvent(event);
}

QLabel *EndpointTile::addLabel(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    // Narrow tiles wrap long values such as a sign-in host instead of cutting them off.
    label->setWordWrap(true);
    layout()->addWidget(label);
    return label;
}

} // namespace poc
