#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace ringside::ui {

// A thin banner across the top of a workspace: information, a warning or an error, with an
// optional action ("Undo", "Load demo store") and a close button. Hidden until shown.
class MessageBar final : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    // Shows the bar; an empty actionText hides the action button.
    void showMessage(Kind kind, const QString &text, const QString &actionText = {});
    QString text() const;
    QPushButton *actionButton() const { return m_action; }

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
};

} // namespace ringside::ui
