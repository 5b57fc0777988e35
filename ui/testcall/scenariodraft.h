#pragma once
// Turns a finished test call into a regression scenario (docs/scenario-format.md) that
// `ringside-engine test` and the Test Call workspace can replay: the caller's words as turns, and
// as expectations what does not depend on phrasing — the tools called with their arguments, the
// escalation and its reason, and the outcome when the call ended by itself.

#include "testcallengine.h"

#include "conversation/sessionevent.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace ringside::ui {

struct ScenarioDraft {
    QString name;
    QString agent;            // a shipped agent's slug, or the absolute path of the user's file
    QDateTime now;            // when the call started (the demo store is rebuilt around it)
    TestCallSubject subject;
    QList<SessionEvent> events;
};

// The scenario object; "turns" is empty when the caller never spoke (nothing to replay).
json scenarioFromCall(const ScenarioDraft &draft);

// A file name for a new scenario in `folder` that does not exist yet: "<slug>-<yyyyMMdd-HHmmss>.json".
QString newScenarioPath(const QString &folder, const QString &agentSlug, const QDateTime &when);

} // namespace ringside::ui
