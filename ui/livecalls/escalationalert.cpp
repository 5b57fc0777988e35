#include "escalationalert.h"

#include "common/labels.h"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>

namespace ringside::ui {

EscalationAlert::EscalationAlert(QObject *parent)
    : QObject(parent)
{
}

EscalationAlert::~EscalationAlert() = default;

bool EscalationAlert::trayAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void EscalationAlert::raise(const QString &caller, const QString &reason)
{
    ++m_raised;
    m_lastMessage = reason.isEmpty() ? tr("%1 is waiting for an operator").arg(caller)
                                     : tr("%1 is waiting for an operator: %2").arg(caller, reasonLabel(reason));
    if (m_muted)
        return;
    QApplication::beep();
    if (!trayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning), this);
        m_tray->setToolTip(tr("Ringside — escalations"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &EscalationAlert::activated);
        m_tray->show();
    }
    m_tray->showMessage(tr("Escalated call"), m_lastMessage, QSystemTrayIcon::Warning, 10000);
}

} // namespace ringside::ui
