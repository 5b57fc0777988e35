#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace ringside::ui {

// What a workspace shows when it has nothing to show yet: a title, a sentence saying why and
// what to do, and optionally the button that does it.
class EmptyState final : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyState(QWidget *parent = nullptr);

    void setContent(const QIcon &icon, const QString &title, const QString &text, const QString &actionText = {});
    QPushButton *actionButton() const { return m_action; }

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
};

} // namespace ringside::ui
