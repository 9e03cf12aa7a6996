#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace poc {

// A dismissible strip above the content for passing problems (an invalid config,
// a keychain that cannot be reached): a sentence for the user and, in the tooltip
// and a "Details" expander, the technical detail. Not a modal dialog.
class InlineBanner final : public QFrame
{
    Q_OBJECT

public:
    enum class Level { Information, Warning, Error };

    explicit InlineBanner(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(InlineBanner)

    void showMessage(Level level, const QString &message, const QString &detail = QString());
    QString message() const;
    QString detail() const;

private:
    void applyLevel(Level level);

    QLabel *m_text = nullptr;
    QLabel *m_detail = nullptr;
    QToolButton *m_detailButton = nullptr;
    QToolButton *m_closeButton = nullptr;
};

} // namespace poc
