#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace ringside::ui {

// Gets an operator's attention when a caller starts waiting in the escalation queue: a beep and,
// where the desktop has a system tray, a notification — useful when the console is behind other
// windows. Counts what it did so tests can check it without a speaker or a tray.
class EscalationAlert : public QObject
{
    Q_OBJECT
public:
    explicit EscalationAlert(QObject *parent = nullptr);
    ~EscalationAlert() override;

    void setMuted(bool muted) { m_muted = muted; }
    bool isMuted() const { return m_muted; }

    void raise(const QString &caller, const QString &reason);

    int raised() const { return m_raised; }
    bool trayAvailable() const;
    QString lastMessage() const { return m_lastMessage; }

Q_SIGNALS:
    // The tray notification was clicked: show the queue.
    void activated();

private:
    QSystemTrayIcon *m_tray = nullptr;
    bool m_muted = false;
    int m_raised = 0;
    QString m_lastMessage;
};

} // namespace ringside::ui
