#pragma once
// Driving a session from a script (the CLI, the scenario runner, tests): hand it one user turn
// and wait — running the event loop, for brains that answer asynchronously — until the turn is
// finished or the call has ended.

#include <QString>

namespace ringside {

class Session;

// False when the turn did not finish within `timeoutMs` (the session is left as it is).
bool sayAndWait(Session &session, const QString &text, int timeoutMs = 60000);
// Waits for a turn already in progress (or for nothing, when there is none).
bool waitForTurn(Session &session, int timeoutMs = 60000);

} // namespace ringside
