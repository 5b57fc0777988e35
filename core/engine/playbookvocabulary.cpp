#include "engine/playbookvocabulary.h"

#include "conversation/outcomes.h"
#include "tools/toolcatalogue.h"

namespace ringside::playbook {

namespace {
QStringList words(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *w : list)
        out << QString::fromLatin1(w);
    return out;
}
} // namespace

const QStringList &slotNames()
{
    static const QStringList v = words({ "order_id", "phone", "date", "time_slot", "yes_no", "quantity", "cancel_reason",
                                         "abandonment_reason", "return_reason", "refund_method", "address", "choice", "text",
                                         "return_id", "pin_code", "phone_last4", "email" });
    return v;
}

const QStringList &conditionKeys()
{
    static const QStringList v = words({ "intent", "answer", "heard", "has", "missing", "is", "isNot", "above", "below" });
    return v;
}

const QStringList &actionVerbs()
{
    static const QStringList v = words({ "say", "call", "branch", "run", "goto", "set", "count", "retry", "outcome",
                                         "revenue", "escalate", "end", "reask" });
    return v;
}

QStringList actionOptions(const QString &verb)
{
    if (verb == QLatin1String("call"))
        return words({ "args", "as" });
    if (verb == QLatin1String("goto"))
        return words({ "ask" });
    if (verb == QLatin1String("escalate"))
        return words({ "say", "summary" });
    return {};
}

QString actionVerb(const QStringList &keys)
{
    QStringList verbs;
    for (const QString &k : keys) {
        if (actionVerbs().contains(k))
            verbs << k;
    }
    if (verbs.size() == 1)
        return verbs.first();
    for (const QString &v : verbs) {
        const QStringList options = actionOptions(v);
        bool others = true;
        for (const QString &o : verbs)
            others = others && (o == v || options.contains(o));
        if (others)
            return v;
    }
    return {};
}

const QStringList &templateHelpers()
{
    static const QStringList v = words({ "spell", "date", "day", "onday", "time", "slot", "money", "carrier", "status",
                                         "lcfirst", "count" });
    return v;
}

const QStringList &textKeys()
{
    static const QStringList v = words({ "didNotCatch", "offerHuman", "tryAgain", "repeatPrefix", "nothingToRepeat", "wait",
                                         "goodbye", "holding", "partial", "invalid", "systemTrouble",
                                         "escalate.customer_request", "escalate.complaint", "escalate.delivered_not_received",
                                         "escalate.delayed_over_7_days", "escalate.damaged_item", "escalate.other" });
    return v;
}

QStringList escalationReasons()
{
    QStringList out;
    if (const ToolDefinition *def = findTool(QStringLiteral("transfer_to_human"))) {
        const json &reason = def->parameters["properties"]["reason"];
        if (reason.contains("enum")) {
            for (const json &v : reason["enum"])
                out << qs(v.get<std::string>());
        }
    }
    return out;
}

QStringList outcomeValues()
{
    return callOutcomes();
}

const QStringList &reservedRoots()
{
    static const QStringList v = words({ "vars", "slots", "counters", "step", "turn", "last", "item", "choices", "partial",
                                         "problem" });
    return v;
}

const QStringList &playbookKeys()
{
    static const QStringList v = words({ "name", "description", "start", "settings", "intents", "texts", "begin", "anywhere",
                                         "routines", "steps" });
    return v;
}

const QStringList &stepKeys()
{
    static const QStringList v = words({ "ask", "expect", "choices", "recall", "retry", "partial", "invalid", "on", "description" });
    return v;
}

const QStringList &settingKeys()
{
    static const QStringList v = words({ "maxRetries", "defaultOutcome", "orderIdPattern", "phoneCountry", "dayFirst",
                                         "dateDirection" });
    return v;
}

} // namespace ringside::playbook
