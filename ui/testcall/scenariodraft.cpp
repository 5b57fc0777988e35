#include "scenariodraft.h"

#include <QDir>
#include <QFileInfo>

namespace ringside::ui {

namespace {

void setIfPresent(json &target, const char *key, const QString &value)
{
    if (!value.isEmpty())
        target[key] = value;
}

// A turn's expectations from what happened between its user line and the next one.
json turnExpectations(const json &tools, const json &escalation, bool ended)
{
    json expect = json::object();
    if (tools.empty())
        expect["noTools"] = true;
    else if (tools.size() == 1)
        expect["tool"] = tools.front();
    else
        expect["tools"] = tools;
    expect["escalation"] = escalation.is_null() ? json(false) : escalation;
    if (ended)
        expect["ended"] = true;
    return expect;
}

} // namespace

json scenarioFromCall(const ScenarioDraft &draft)
{
    json scenario = json::object();
    scenario["name"] = draft.name;
    scenario["agent"] = draft.agent;
    scenario["brain"] = "playbook";
    if (draft.now.isValid())
        scenario["now"] = draft.now.toString(Qt::ISODateWithMs);
    setIfPresent(scenario, "customer", draft.subject.customerId);
    setIfPresent(scenario, "order", draft.subject.orderId);
    setIfPresent(scenario, "cart", draft.subject.cartId);
    setIfPresent(scenario, "callerPhone", draft.subject.callerPhone);

    json turns = json::array();
    QString user;
    bool inTurn = false;
    json tools = json::array();
    json escalation;       // null: none in this turn
    bool endedInTurn = false;
    bool escalated = false;
    QString escalationReason;
    QString outcome;        // set only when the call ended by itself during a caller turn
    auto closeTurn = [&] {
        if (inTurn)
            turns.push_back({ { "user", user }, { "expect", turnExpectations(tools, escalation, endedInTurn) } });
        tools = json::array();
        escalation = json();
        endedInTurn = false;
    };
    for (const SessionEvent &e : draft.events) {
        if (e.is(EventType::User)) {
            closeTurn();
            user = e.text();
            inTurn = true;
        } else if (e.is(EventType::ToolCall) && inTurn) {
            json call = { { "name", e.data.value("name", std::string()) } };
            if (e.data.contains("arguments") && e.data["arguments"].is_object() && !e.data["arguments"].empty())
                call["arguments"] = e.data["arguments"];
            tools.push_back(std::move(call));
        } else if (e.is(EventType::Escalation)) {
            escalated = true;
            escalationReason = stringAt(e.data, "reason");
            if (inTurn)
                escalation = escalationReason.isEmpty() ? json(true) : json { { "reason", escalationReason } };
        } else if (e.is(EventType::End) && inTurn) {
            endedInTurn = true;
            outcome = stringAt(e.data, "outcome");
        }
    }
    closeTurn();
    scenario["turns"] = turns;

    json expect = json::object();
    if (!outcome.isEmpty())
        expect["outcome"] = outcome;
    expect["escalation"] = !escalated ? json(false)
                           : escalationReason.isEmpty() ? json(true)
                                                        : json { { "reason", escalationReason } };
    scenario["expect"] = expect;
    return scenario;
}

QString newScenarioPath(const QString &folder, const QString &agentSlug, const QDateTime &when)
{
    const QDir dir(folder);
    const QString base = QStringLiteral("%1-%2").arg(agentSlug.isEmpty() ? QStringLiteral("call") : agentSlug,
                                                     when.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString path = dir.filePath(base + QStringLiteral(".json"));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir.filePath(QStringLiteral("%1-%2.json").arg(base).arg(n));
    return path;
}

} // namespace ringside::ui
