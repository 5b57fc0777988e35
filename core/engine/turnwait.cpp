#include "engine/turnwait.h"

#include "engine/session.h"

#include <QEventLoop>
#include <QTimer>

namespace ringside {

bool waitForTurn(Session &session, int timeoutMs)
{
    if (!session.turnInProgress() || session.isEnded())
        return true;
    QEventLoop loop;
    QObject::connect(&session, &Session::turnFinished, &loop, &QEventLoop::quit);
    QObject::connect(&session, &Session::ended, &loop, &QEventLoop::quit);
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    while (session.turnInProgress() && !session.isEnded() && timer.isActive())
        loop.exec();
    return !session.turnInProgress() || session.isEnded();
}

bool sayAndWait(Session &session, const QString &text, int timeoutMs)
{
    session.userSaid(text);
    return waitForTurn(session, timeoutMs);
}

} // namespace ringside
