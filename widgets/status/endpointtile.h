#pragma once

#include "probe/endpointstate.h"

#include <QFrame>

#include <optional>

class QLabel;

namespace poc {

struct EndpointConfig;
class EndpointTracker;

// One endpoint on the status board. The tile shows the title, the state in words and in
// colour, the pending debounce ("failing 1/2"), HTTP status, latency and time of the last
// check. Below those come certificate days left, uptime and the error sentence.
class EndpointTile final : public QFrame
{
    Q_OBJECT

public:
    explicit EndpointTile(const EndpointConfig &endpoint, QWidget *parent = nullptr);
    ~EndpointTile() override;
    Q_DISABLE_COPY_MOVE(EndpointTile)

    void showTracker(const EndpointTracker &tracker);
    std::optional<EndpointState> state() const { return m_state; }

    // The colour of a state on `palette`: green, blue, amber, red or grey, lighter on dark palettes.
    static QColor stateColor(std::optional<EndpointState> state, const QPalette &palette);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    static QString uptimeText(const EndpointTracker &tracker);

    QLabel *addLabel(const QString &objectName);

    std::optional<EndpointState> m_state;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_debounceLabel = nullptr;
    QLabel *m_httpLabel = nullptr;
    QLabel *m_latencyLabel = nullptr;
    QLabel *m_checkedLabel = nullptr;
    QLabel *m_certificateLabel = nullptr;
    QLabel *m_uptimeLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
};

} // namespace poc
