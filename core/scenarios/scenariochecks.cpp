#include "scenarios/scenariochecks.h"

#include "util/sentences.h"

namespace ringside::scenario {

namespace {

QString norm(const QString &s)
{
    return s.simplified().toLower();
}

QStringList texts(const json &v)
{
    QStringList out;
    if (v.is_string())
        out << qs(v.get<std::string>());
    else if (v.is_array())
        for (const json &x : v)
            if (x.is_string())
                out << qs(x.get<std::string>());
    return out;
}

QString quoted(const QString &s, int max = 240)
{
    return QLatin1Char('"') + (s.size() > max ? s.left(max) + QStringLiteral("…") : s) + QLatin1Char('"');
}

// Every key of `expected` is in `actual` with an equal value; strings ignore case.
bool subset(const json &expected, const json &actual)
{
    if (expected.is_object()) {
        if (!actual.is_object())
            return false;
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const auto a = actual.find(it.key());
            if (a == actual.end() || !subset(it.value(), *a))
                return false;
        }
        return true;
    }
    if (expected.is_string() && actual.is_string())
        return qs(expected.get<std::string>()).compare(qs(actual.get<std::string>()), Qt::CaseInsensitive) == 0;
    if (expected.is_number() && actual.is_number())
        return expected.get<double>() == actual.get<double>();
    return expected == actual;
}

QStringList textChecks(const json &expect, const QString &text, const QString &where)
{
    QStringList failures;
    const QString hay = norm(text);
    if (auto it = expect.find("says"); it != expect.end()) {
        for (const QString &t : texts(*it)) {
            if (!hay.contains(norm(t)))
                failures << QStringLiteral("%1: expected %2 in %3").arg(where, quoted(t), quoted(text));
        }
    }
    if (auto it = expect.find("saysAny"); it != expect.end()) {
        bool any = false;
        for (const QString &t : texts(*it))
            any = any || hay.contains(norm(t));
        if (!any)
            failures << QStringLiteral("%1: expected one of %2 in %3").arg(where, texts(*it).join(QStringLiteral(" | ")), quoted(text));
    }
    if (auto it = expect.find("notSays"); it != expect.end()) {
        for (const QString &t : texts(*it)) {
            if (hay.contains(norm(t)))
                failures << QStringLiteral("%1: did not expect %2 in %3").arg(where, quoted(t), quoted(text));
        }
    }
    return failures;
}

QString toolText(const json &call)
{
    return QStringLiteral("%1(%2)").arg(stringAt(call, "name"), qs(call.value("arguments", json::object()).dump()));
}

QString toolsText(const json &tools)
{
    QStringList parts;
    for (const json &t : tools)
        parts << toolText(t);
    return parts.isEmpty() ? QStringLiteral("no tools") : parts.join(QStringLiteral(", "));
}

bool called(const json &tools, const json &expected)
{
    for (const json &t : tools) {
        if (stringAt(t, "name") == stringAt(expected, "name")
            && subset(expected.value("arguments", json::object()), t.value("arguments", json::object())))
            return true;
    }
    return false;
}

QStringList escalationCheck(const json &expected, bool escalated, const QString &reason, const QString &where)
{
    if (expected.is_boolean()) {
        if (expected.get<bool>() != escalated)
            return { QStringLiteral("%1: expected %2escalation, got %3").arg(where, expected.get<bool>() ? QString() : QStringLiteral("no "),
                                                                               escalated ? QStringLiteral("one (%1)").arg(reason) : QStringLiteral("none")) };
        return {};
    }
    const QString want = stringAt(expected, "reason");
    if (!escalated)
        return { QStringLiteral("%1: expected an escalation (%2), got none").arg(where, want) };
    if (reason != want)
        return { QStringLiteral("%1: expected escalation reason %2, got %3").arg(where, want, reason) };
    return {};
}

} // namespace

QStringList checkTurn(const json &expect, const TurnRecord &turn, int turnNumber, int maxSentences)
{
    const QString where = QStringLiteral("turn %1 (%2)").arg(turnNumber).arg(quoted(turn.user, 60));
    QStringList failures = textChecks(expect, turn.reply, where);
    const int limit = expect.value("maxSentences", maxSentences);
    if (const int n = countSentences(turn.reply); n > limit)
        failures << QStringLiteral("%1: %2 sentences, at most %3 allowed: %4").arg(where).arg(n).arg(limit).arg(quoted(turn.reply));
    json wanted = json::array();
    if (expect.contains("tool"))
        wanted.push_back(expect["tool"]);
    if (expect.contains("tools"))
        for (const json &t : expect["tools"])
            wanted.push_back(t);
    for (const json &w : wanted) {
        if (!called(turn.tools, w))
            failures << QStringLiteral("%1: expected a call %2, got %3").arg(where, toolText(w), toolsText(turn.tools));
    }
    if (expect.value("noTools", false) && !turn.tools.empty())
        failures << QStringLiteral("%1: expected no tool calls, got %2").arg(where, toolsText(turn.tools));
    if (auto it = expect.find("notTool"); it != expect.end()) {
        for (const QString &name : texts(*it)) {
            if (called(turn.tools, { { "name", name } }))
                failures << QStringLiteral("%1: %2 was called: %3").arg(where, name, toolsText(turn.tools));
        }
    }
    if (auto it = expect.find("escalation"); it != expect.end())
        failures << escalationCheck(*it, turn.escalated, turn.escalationReason, where);
    if (auto it = expect.find("ended"); it != expect.end() && it->get<bool>() != turn.ended)
        failures << QStringLiteral("%1: expected the call %2 in this turn").arg(where, it->get<bool>() ? QStringLiteral("to end") : QStringLiteral("not to end"));
    return failures;
}

QStringList checkGreeting(const json &expect, const TurnRecord &greeting)
{
    return textChecks(expect, greeting.reply, QStringLiteral("greeting"));
}

QStringList checkCall(const json &expect, const std::vector<TurnRecord> &turns, const QString &outcome, bool ended,
                      const CallRecordView &record)
{
    QStringList failures;
    QString all;
    json tools = json::array();
    bool escalated = false;
    QString reason;
    for (const TurnRecord &t : turns) {
        all += t.reply + QLatin1Char('\n');
        for (const json &c : t.tools)
            tools.push_back(c);
        if (t.escalated) {
            escalated = true;
            reason = t.escalationReason;
        }
    }
    failures << textChecks(expect, all, QStringLiteral("call"));
    if (auto it = expect.find("outcome"); it != expect.end() && qs(it->get<std::string>()) != outcome)
        failures << QStringLiteral("call: expected outcome %1, got %2").arg(qs(it->get<std::string>()), outcome);
    if (auto it = expect.find("escalation"); it != expect.end())
        failures << escalationCheck(*it, escalated, reason, QStringLiteral("call"));
    if (auto it = expect.find("ended"); it != expect.end() && it->get<bool>() != ended)
        failures << QStringLiteral("call: expected the call %1 after the last turn").arg(it->get<bool>() ? QStringLiteral("to have ended") : QStringLiteral("to be still going"));
    if (auto it = expect.find("tools"); it != expect.end()) {
        size_t from = 0; // in order: each expected call after the previous one
        for (const json &w : *it) {
            bool found = false;
            for (; from < tools.size() && !found; ++from)
                found = called(json::array({ tools[from] }), w);
            if (!found)
                failures << QStringLiteral("call: expected a call %1 (in order), got %2").arg(toolText(w), toolsText(tools));
        }
    }
    if (auto it = expect.find("notTool"); it != expect.end()) {
        for (const QString &name : texts(*it)) {
            if (called(tools, { { "name", name } }))
                failures << QStringLiteral("call: %1 was called").arg(name);
        }
    }
    if (auto it = expect.find("record"); it != expect.end()) {
        if (!record.stored) {
            failures << QStringLiteral("call: no call record was stored");
        } else {
            for (auto f = it->begin(); f != it->end(); ++f) {
                const auto actual = record.fields.find(f.key());
                if (actual == record.fields.end())
                    failures << QStringLiteral("record: unknown field %1").arg(qs(f.key()));
                else if (!subset(f.value(), *actual))
                    failures << QStringLiteral("record: %1 expected %2, got %3").arg(qs(f.key()), qs(f.value().dump()), qs(actual->dump()));
            }
        }
    }
    return failures;
}

QStringList checkAlways(const std::vector<TurnRecord> &turns)
{
    QStringList failures;
    bool ended = false;
    for (size_t i = 0; i < turns.size(); ++i) {
        const TurnRecord &t = turns[i];
        const QString where = i == 0 ? QStringLiteral("greeting") : QStringLiteral("turn %1").arg(i);
        if (t.reply.contains(QLatin1String("{{")) || t.reply.contains(QLatin1String("}}")))
            failures << QStringLiteral("%1: template braces spoken: %2").arg(where, quoted(t.reply));
        if (i > 0 && !ended && t.reply.trimmed().isEmpty())
            failures << QStringLiteral("%1: the agent said nothing to %2").arg(where, quoted(t.user, 60));
        ended = ended || t.ended;
    }
    return failures;
}

} // namespace ringside::scenario
