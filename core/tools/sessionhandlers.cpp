// transfer_to_human and end_call: acknowledgements only; the session acts on them (routes the
// call to an operator, hangs up) when it sees the tool name in a successful result.
#include "handlers.h"

namespace ringside {

json transferToHuman(HandlerEnv &env)
{
    return { { "success", true },
             { "transferred", true },
             { "reason", env.arg("reason") },
             { "summary", env.arg("summary") },
             { "message", env.hindi() ? QStringLiteral("Main aapko hamari team se jod rahi hoon. Kripya line par bane rahiye.")
                                      : QStringLiteral("I'm connecting you with a member of our team now. Please hold.") } };
}

json endCall(HandlerEnv &env)
{
    const QString reason = env.arg("reason");
    return { { "success", true }, { "ended", true }, { "reason", reason.isEmpty() ? json(nullptr) : json(reason) } };
}

} // namespace ringside
