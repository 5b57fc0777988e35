#pragma once
// Internal to the scenario runner: what one scenario's call did, and the expectations of
// docs/scenario-format.md checked against it. Each failure is one readable sentence.

#include "util/jsonqt.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace ringside::scenario {

// What happened between one user turn and the next (turn 0: the greeting).
struct TurnRecord
{
    QString user;
    QString reply;                 // the agent's words, joined
    json tools = json::array();    // [{name, arguments}]
    bool escalated = false;
    QString escalationReason;
    bool ended = false;
};

struct CallRecordView
{
    bool stored = false;
    json fields = json::object();  // outcome, useCase, … (docs/scenario-format.md, "record")
};

// `turnNumber` is 1-based, for messages; `callEnded` says the call had ended before this turn.
QStringList checkTurn(const json &expect, const TurnRecord &turn, int turnNumber, int maxSentences);
QStringList checkGreeting(const json &expect, const TurnRecord &greeting);
QStringList checkCall(const json &expect, const std::vector<TurnRecord> &turns, const QString &outcome,
                      bool ended, const CallRecordView &record);
// Checks made for every scenario: no "{{" or "}}" in any reply; every turn answered.
QStringList checkAlways(const std::vector<TurnRecord> &turns);

} // namespace ringside::scenario
