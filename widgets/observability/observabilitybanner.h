#pragma once

#include <QFrame>

class QLabel;

namespace poc {

// An inline banner for passing problems of one section: errors in red, warnings in amber.
// Hidden while there is no message.
class ObservabilityBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObservabilityBanner)

public:
    explicit ObservabilityBanner(QWidget *parent = nullptr);

    void showError(const QString &message, const QString &detail = {});
    void showWarnings(const QStringList &warnings);
    void clear();

    QString text() const;
    bool isError() const { return m_error; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void show(bool error, const QString &text, const QString &toolTip);

    QLabel *m_label;
    bool m_error = false;
};

} // namespace poc
