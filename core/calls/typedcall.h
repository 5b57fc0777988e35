#pragma once
// A typed call (`ringside-engine chat`): the caller's words as lines of text, from a script file
// or read as they come, each answered before the next is said.

#include "util/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ringside {

class Session;

// {"vars": {"name": "value", …}, "turns": ["…", …]}: template variables for the call, then the
// caller's lines in order.
struct ChatScript
{
    QHash<QString, QString> vars;
    QStringList turns;
};

// The script in `path`; an error names the file and the JSON pointer of the problem
// ("shop.json: /turns/2: must be a string").
Result<ChatScript> readChatScript(const QString &path);

enum class TypedCallEnd {
    Ended,    // the session ended the call (goodbye, escalation, the caller's "bye")
    HungUp,   // the lines ran out: the caller hung up
    NoAnswer  // a turn was not answered within the time allowed; the caller hung up
};

// Says each line `nextLine` gives (an empty line is silence) and waits for its answer, until the
// session ends or the lines run out (nextLine returns nothing); then hangs up if still connected.
TypedCallEnd runTypedCall(Session &session, const std::function<std::optional<QString>()> &nextLine,
                          int answerTimeoutMs = 60000);

} // namespace ringside
