#include "engine/playbookinterpreter.h"

#include "conversation/brain.h"
#include "engine/playbookvocabulary.h"
#include "engine/universaltexts.h"
#include "tools/speechformat.h"
#include "tools/toolerror.h"

#include <cmath>

namespace ringside::playbook {

namespace {

constexpr int kMaxDepth = 16;       // routine nesting; deeper means a loop in the playbook
constexpr int kMaxSummaryChars = 300;

bool equalValues(const json *value, const json &expected)
{
    if (expected.is_null())
        return !value || value->is_null();
    if (!value)
        return false;
    if (value->is_number() && expected.is_number())
        return value->get<double>() == expected.get<double>();
    return *value == expected;
}

bool matchesAny(const json *value, const json &expected)
{
    if (expected.is_array()) {
        for (const json &e : expected) {
            if (equalValues(value, e))
                return true;
        }
        return false;
    }
    return equalValues(value, expected);
}

bool numberAt(const json &root, const QString &path, double *out)
{
    const json *v = lookup(root, path);
    if (!v)
        return false;
    if (v->is_number()) {
        *out = v->get<double>();
        return true;
    }
    bool ok = false;
    if (v->is_string())
        *out = qs(v->get<std::string>()).toDouble(&ok);
    return ok;
}

QString reasonWords(const QString &reason)
{
    if (reason == QLatin1String("customer_request"))
        return QStringLiteral("Caller asked for a person");
    if (reason == QLatin1String("complaint"))
        return QStringLiteral("Caller wants to make a complaint");
    if (reason == QLatin1String("delivered_not_received"))
        return QStringLiteral("Caller says a delivered order never arrived");
    if (reason == QLatin1String("delayed_over_7_days"))
        return QStringLiteral("Order more than 7 days late");
    if (reason == QLatin1String("damaged_item"))
        return QStringLiteral("Caller reports a damaged item");
    return QStringLiteral("Handed over by the agent");
}

QString oneLine(QString s)
{
    s = s.simplified();
    if (s.size() > kMaxSummaryChars)
        s = s.left(kMaxSummaryChars - 1) + QChar(0x2026);
    return s;
}

} // namespace

QStringList namesIn(const json &value)
{
    QStringList out;
    if (value.is_string())
        out << qs(value.get<std::string>());
    else if (value.is_array())
        for (const json &v : value)
            if (v.is_string())
                out << qs(v.get<std::string>());
    return out;
}

const json &Interpreter::currentStep() const
{
    static const json empty = json::object();
    const json *step = m_pb.step(m_state.step);
    return step ? *step : empty;
}

bool Interpreter::intentIs(const QStringList &names) const
{
    // Two intents tied for first ("I never ordered anything, wrong number"): a rule naming
    // either holds, so the playbook's rule order decides rather than the matcher's tie-break.
    const auto accept = [&](const nlu::IntentResult &r) {
        const bool tied = !r.runnerUp.isEmpty() && r.runnerUpConfidence >= r.confidence;
        return r.heardByRules() && (names.contains(r.intent) || (tied && names.contains(r.runnerUp)));
    };
    return accept(m_turn.analysis.playbook) || accept(m_turn.analysis.universal);
}

bool Interpreter::matches(const json *when) const
{
    if (!when)
        return true;
    const json &root = m_state.root;
    for (auto it = when->begin(); it != when->end(); ++it) {
        const std::string &k = it.key();
        const json &v = it.value();
        if (k == "intent") {
            if (!intentIs(namesIn(v)))
                return false;
        } else if (k == "answer") {
            const auto a = m_turn.heard.values.find("yes_no");
            if (a == m_turn.heard.values.end() || *a != v)
                return false;
        } else if (k == "heard") {
            bool any = false;
            for (const QString &slot : namesIn(v))
                any = any || m_turn.heard.has(slot);
            if (!any)
                return false;
        } else if (k == "has" || k == "missing") {
            const bool want = k == "has";
            for (const QString &path : namesIn(v)) {
                if (isPresent(lookup(root, path)) != want)
                    return false;
            }
        } else if (k == "is" || k == "isNot") {
            const bool want = k == "is";
            for (auto c = v.begin(); c != v.end(); ++c) {
                if (matchesAny(lookup(root, qs(c.key())), c.value()) != want)
                    return false;
            }
        } else if (k == "above" || k == "below") {
            for (auto c = v.begin(); c != v.end(); ++c) {
                double n = 0;
                if (!numberAt(root, qs(c.key()), &n))
                    return false;
                const double limit = c.value().get<double>();
                if (k == "above" ? !(n > limit) : !(n < limit))
                    return false;
            }
        }
    }
    return true;
}

bool Interpreter::runRules(const json &rules)
{
    for (const json &rule : rules) {
        const auto when = rule.find("when");
        const json *condition = when == rule.end() ? nullptr : &*when;
        if (!matches(condition))
            continue;
        const QStringList heardNames = condition && condition->contains("heard") ? namesIn((*condition)["heard"]) : QStringList();
        for (const QString &slot : heardNames) {
            if (m_turn.heard.has(slot) && !m_turn.consumed.contains(slot))
                m_turn.consumed << slot;
        }
        rememberSlots(heardNames);
        m_turn.ruleFired = true;
        runActions(rule["do"]);
        return true;
    }
    return false;
}

void Interpreter::runActions(const json &actions)
{
    for (const json &action : actions) {
        if (m_turn.stopped)
            return;
        runAction(action);
    }
}

void Interpreter::runAction(const json &action)
{
    QStringList keys;
    for (auto it = action.begin(); it != action.end(); ++it)
        keys << qs(it.key());
    const QString verb = actionVerb(keys);
    if (verb.isEmpty())
        return; // the validator refuses such actions
    const json &v = action[verb.toStdString()];
    if (verb == QLatin1String("say")) {
        say(text(v));
    } else if (verb == QLatin1String("call")) {
        call(action);
    } else if (verb == QLatin1String("branch")) {
        runRules(v);
    } else if (verb == QLatin1String("run")) {
        const json *routine = m_pb.routine(qs(v.get<std::string>()));
        if (!routine || m_turn.depth >= kMaxDepth) {
            m_turn.ctx->notice(QStringLiteral("playbook: routine \"%1\" not run (missing or nested more than %2 deep)")
                                       .arg(qs(v.get<std::string>())).arg(kMaxDepth));
            return;
        }
        ++m_turn.depth;
        runActions(*routine);
        --m_turn.depth;
    } else if (verb == QLatin1String("goto")) {
        const auto ask = action.find("ask");
        gotoStep(qs(v.get<std::string>()), ask == action.end() || ask->get<bool>());
    } else if (verb == QLatin1String("set")) {
        set(v);
    } else if (verb == QLatin1String("count")) {
        json &counter = m_state.root["counters"][v.get<std::string>()];
        counter = counter.is_number() ? counter.get<int>() + 1 : 1;
    } else if (verb == QLatin1String("retry")) {
        retry(v.is_boolean() ? QString() : text(v));
    } else if (verb == QLatin1String("reask")) {
        m_turn.askAtEnd = true; // whatever was said, the step's question still stands
    } else if (verb == QLatin1String("outcome")) {
        m_state.outcome = qs(v.get<std::string>());
        m_turn.ctx->setOutcome(m_state.outcome);
    } else if (verb == QLatin1String("revenue")) {
        revenue(v);
    } else if (verb == QLatin1String("escalate")) {
        const auto summary = action.find("summary");
        const auto sayText = action.find("say");
        escalate(qs(v.get<std::string>()), summary == action.end() ? QString() : text(*summary, false),
                 sayText == action.end() ? QString() : text(*sayText));
    } else if (verb == QLatin1String("end")) {
        end(v.is_string() ? qs(v.get<std::string>()) : QString());
    }
}

QStringList Interpreter::choiceLabels(json *items, int *unspoken)
{
    const json &step = currentStep();
    const auto choices = step.find("choices");
    if (choices == step.end())
        return {};
    const json *from = lookup(m_state.root, stringAt(*choices, "from"));
    if (!from || !from->is_array())
        return {};
    // A caller cannot hold a long list in mind: a limit speaks (and offers by position) only the
    // first elements; the others can still be named by their ID, which the step expects as well.
    const int limit = choices->contains("limit") && (*choices)["limit"].is_number_integer() ? (*choices)["limit"].get<int>() : 0;
    const std::size_t shown = limit > 0 ? std::min(from->size(), std::size_t(limit)) : from->size();
    if (items)
        *items = json(from->begin(), from->begin() + std::ptrdiff_t(shown));
    if (unspoken)
        *unspoken = int(from->size() - shown);
    const QString label = stringAt(*choices, "label");
    QStringList labels;
    for (std::size_t i = 0; i < shown; ++i) {
        m_state.root["item"] = (*from)[i];
        labels << render(label, m_state.root, m_style).text;
    }
    m_state.root.erase("item");
    return labels;
}

QString Interpreter::text(const json &value, bool spellIds)
{
    const QString raw = pickText(value, m_style.language);
    if (raw.contains(QLatin1String("{{choices}}"))) {
        int unspoken = 0;
        QStringList labels = choiceLabels(nullptr, &unspoken);
        if (unspoken > 0)
            labels << builtinText(QStringLiteral("moreChoices"), m_style.language).arg(unspoken);
        m_state.root["choices"] = naturalList(labels, m_style.language);
    }
    SpeechStyle spoken = m_style;
    spoken.spellIds = spellIds; // {{orderId}}, {{slots.order_id}}: said character by character
    const Rendered r = render(raw, m_state.root, spoken);
    if (!r.missing.isEmpty() && m_turn.ctx)
        m_turn.ctx->notice(QStringLiteral("playbook: no value for %1 in a reply (step %2)")
                                   .arg(r.missing.join(QStringLiteral(", ")), m_state.step));
    return r.text;
}

QString Interpreter::builtin(const QString &key)
{
    if (const auto it = m_pb.texts.find(key.toStdString()); it != m_pb.texts.end())
        return text(*it);
    return text(json(builtinText(key, m_style.language)));
}

void Interpreter::say(const QString &text)
{
    const QString t = text.trimmed();
    if (!t.isEmpty())
        m_turn.reply << t;
}

void Interpreter::gotoStep(const QString &step, bool ask)
{
    if (step != m_state.step) {
        m_state.step = step;
        m_state.root["step"] = step;
        m_state.retries = 0;
        m_state.pendingSlot.clear();
        m_state.pendingDigits.clear();
    }
    m_turn.askAtEnd = ask;
    m_turn.entered = ask;
}

void Interpreter::retry(const QString &text)
{
    m_turn.retried = true;
    ++m_state.retries;
    m_turn.askAtEnd = false;
    if (m_state.retries > m_pb.settings.maxRetries) {
        say(builtin(QStringLiteral("offerHuman")));
        m_state.offeringHuman = true;
        return;
    }
    if (!text.trimmed().isEmpty()) {
        say(text);
        return;
    }
    const json &step = currentStep();
    if (const auto r = step.find("retry"); r != step.end()) {
        say(this->text(*r));
        return;
    }
    say(builtin(QStringLiteral("didNotCatch")));
    m_turn.askAtEnd = true;
}

void Interpreter::flush()
{
    if (m_turn.reply.isEmpty())
        return;
    m_turn.ctx->say(m_turn.reply.join(QLatin1Char(' ')));
    m_turn.reply.clear();
}

void Interpreter::escalate(const QString &reason, const QString &summary, const QString &sayText)
{
    say(sayText.trimmed().isEmpty() ? builtin(QStringLiteral("escalate.") + reason) : sayText);
    m_turn.askAtEnd = false;
    m_turn.stopped = true;
    m_state.escalated = true;
    m_state.offeringHuman = false;
    flush();
    const QString line = oneLine(summary.trimmed().isEmpty() ? defaultSummary(reason) : summary);
    m_turn.ctx->callTool(QStringLiteral("transfer_to_human"), { { "reason", reason }, { "summary", line } });
    m_turn.ctx->escalate(reason, line);
}

void Interpreter::end(const QString &outcome)
{
    QString o = outcome;
    if (o.isEmpty())
        o = m_state.outcome.isEmpty() ? m_pb.settings.defaultOutcome : m_state.outcome;
    m_turn.endOutcome = o;
    m_turn.stopped = true;
    m_turn.askAtEnd = false;
    if (m_turn.reply.isEmpty())
        say(builtin(QStringLiteral("goodbye")));
}

void Interpreter::call(const json &action)
{
    const QString name = qs(action["call"].get<std::string>());
    QStringList missing;
    json args = action.contains("args") ? renderValue(action["args"], m_state.root, m_style, &missing) : json::object();
    if (!args.is_object())
        args = json::object();
    if (!missing.isEmpty())
        m_turn.ctx->notice(QStringLiteral("playbook: %1 called without %2 (no value)").arg(name, missing.join(QStringLiteral(", "))));
    const json result = m_turn.ctx->callTool(name, args);
    const std::string as = action.contains("as") ? action["as"].get<std::string>() : name.toStdString();
    m_state.root[as] = result;
    m_state.root["last"] = result;
    if (toolErrorCode(result) == QLatin1String("internal")) {
        const QString message = stringAt(result["error"], "message");
        escalate(QStringLiteral("other"), QStringLiteral("The store failed during %1: %2").arg(name, message),
                 builtin(QStringLiteral("systemTrouble")));
    }
}

void Interpreter::set(const json &values)
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        QStringList missing;
        json value = renderValue(it.value(), m_state.root, m_style, &missing);
        const QString name = qs(it.key());
        if (name.startsWith(QLatin1String("slots.")))
            m_state.root["slots"][name.mid(6).toStdString()] = std::move(value);
        else
            m_state.root[it.key()] = std::move(value);
    }
}

void Interpreter::revenue(const json &spec)
{
    QStringList missing;
    const json amount = renderValue(spec["amount"], m_state.root, m_style, &missing);
    QString currency = m_style.currency;
    if (spec.contains("currency")) {
        const json c = renderValue(spec["currency"], m_state.root, m_style, &missing);
        if (c.is_string())
            currency = qs(c.get<std::string>());
    }
    bool ok = amount.is_number();
    double value = ok ? amount.get<double>() : 0;
    if (amount.is_string())
        value = qs(amount.get<std::string>()).toDouble(&ok);
    if (!ok || currency.isEmpty()) {
        m_turn.ctx->notice(QStringLiteral("playbook: revenue not recorded (amount or currency missing)"));
        return;
    }
    m_turn.ctx->setRevenue(std::llround(value * std::pow(10.0, currencyExponent(currency))), currency);
}

QString Interpreter::defaultSummary(const QString &reason) const
{
    QString s = reasonWords(reason);
    const json &root = m_state.root;
    QString order = valueText(lookup(root, QStringLiteral("slots.order_id")) ? *lookup(root, QStringLiteral("slots.order_id")) : json(), m_style.language);
    if (order.isEmpty())
        order = stringAt(root["vars"], "orderId");
    if (!order.isEmpty())
        s += QStringLiteral(", order ") + order;
    if (const QString cart = stringAt(root["vars"], "cartId"); !cart.isEmpty())
        s += QStringLiteral(", cart ") + cart;
    s += QStringLiteral(" (step %1)").arg(m_state.step);
    const QString said = stringAt(root.contains("turn") ? root["turn"] : json::object(), "text");
    if (!said.isEmpty())
        s += QStringLiteral(". Caller said: \"%1\"").arg(said.left(120));
    return s;
}

void Interpreter::rememberSlots(const QStringList &extra)
{
    const json &step = currentStep();
    QStringList names = extra;
    if (const auto e = step.find("expect"); e != step.end())
        names << namesIn(*e);
    json &memory = m_state.root["slots"];
    for (const QString &slot : names) {
        const auto v = m_turn.heard.values.find(slot.toStdString());
        if (v == m_turn.heard.values.end())
            continue;
        memory[slot == QLatin1String("yes_no") ? "answer" : slot.toStdString()] = *v;
        // A second value heard in the same breath comes along ("…_also"); a stale one goes.
        const std::string also = slot.toStdString() + "_also";
        if (const auto a = m_turn.heard.values.find(also); a != m_turn.heard.values.end())
            memory[also] = *a;
        else
            memory.erase(also);
        if (slot == m_state.pendingSlot) {
            m_state.pendingSlot.clear();
            m_state.pendingDigits.clear();
        }
    }
}

bool Interpreter::playbookHandles(const QString &intent) const
{
    const auto names = [&](const json &rules) {
        if (!rules.is_array())
            return false;
        for (const json &rule : rules) {
            const auto when = rule.find("when");
            if (when != rule.end() && when->contains("intent") && namesIn((*when)["intent"]).contains(intent))
                return true;
        }
        return false;
    };
    const json &step = currentStep();
    return names(m_pb.anywhere) || (step.contains("on") && names(step["on"]));
}

} // namespace ringside::playbook
