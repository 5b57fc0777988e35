#include "engine/playbookvalidator.h"

#include "engine/nlu/orderid.h"
#include "engine/playbooktemplate.h"
#include "engine/playbookvocabulary.h"
#include "tools/toolcatalogue.h"
#include "util/jsonqt.h"

namespace ringside::playbook {

namespace {

QString quoted(const QString &s) { return QLatin1Char('"') + s + QLatin1Char('"'); }
QString key(const std::string &k) { return QString::fromStdString(k); }

class Validator
{
public:
    Validator(const ordered_json &doc, const ValidationInputs &inputs) : m_doc(doc), m_inputs(inputs) {}

    QList<JsonIssue> run()
    {
        if (!m_doc.is_object()) {
            problem(QString(), QStringLiteral("must be an object with a \"playbook\" key"));
            return m_issues;
        }
        for (auto it = m_doc.begin(); it != m_doc.end(); ++it) {
            if (it.key() != "playbook")
                problem(childPointer(QString(), key(it.key())), QStringLiteral("unknown key (the file holds one \"playbook\" object)"));
        }
        const auto pb = m_doc.find("playbook");
        if (pb == m_doc.end() || !pb->is_object()) {
            problem(QStringLiteral("/playbook"), QStringLiteral("required object is missing"));
            return m_issues;
        }
        const QString base = QStringLiteral("/playbook");
        collectNames(*pb);
        unknownKeys(*pb, base, playbookKeys());
        requireString(*pb, base, "name");
        if (auto s = pb->find("start"); s == pb->end() || !s->is_string())
            problem(childPointer(base, QStringLiteral("start")), QStringLiteral("required step name is missing"));
        else if (!m_steps.contains(key(s->get<std::string>())))
            problem(childPointer(base, QStringLiteral("start")), QStringLiteral("no step named %1").arg(quoted(key(s->get<std::string>()))));
        if (auto s = pb->find("settings"); s != pb->end())
            checkSettings(*s, childPointer(base, QStringLiteral("settings")));
        if (auto t = pb->find("texts"); t != pb->end())
            checkTexts(*t, childPointer(base, QStringLiteral("texts")));
        if (auto b = pb->find("begin"); b != pb->end())
            checkActions(*b, childPointer(base, QStringLiteral("begin")), true);
        if (auto a = pb->find("anywhere"); a != pb->end())
            checkRules(*a, childPointer(base, QStringLiteral("anywhere")));
        if (auto r = pb->find("routines"); r != pb->end()) {
            const QString at = childPointer(base, QStringLiteral("routines"));
            if (!r->is_object())
                problem(at, QStringLiteral("must be an object of named action lists"));
            else
                for (auto it = r->begin(); it != r->end(); ++it)
                    checkActions(it.value(), childPointer(at, key(it.key())), false);
        }
        const auto steps = pb->find("steps");
        const QString stepsAt = childPointer(base, QStringLiteral("steps"));
        if (steps == pb->end() || !steps->is_object() || steps->empty())
            problem(stepsAt, QStringLiteral("required: an object with at least one step"));
        else
            for (auto it = steps->begin(); it != steps->end(); ++it)
                checkStep(it.value(), childPointer(stepsAt, key(it.key())));
        return m_issues;
    }

private:
    void problem(const QString &pointer, const QString &message) { m_issues.append({ pointer, message }); }

    void collectNames(const ordered_json &pb)
    {
        if (auto s = pb.find("steps"); s != pb.end() && s->is_object())
            for (auto it = s->begin(); it != s->end(); ++it)
                m_steps << key(it.key());
        if (auto r = pb.find("routines"); r != pb.end() && r->is_object())
            for (auto it = r->begin(); it != r->end(); ++it)
                m_routines << key(it.key());
    }

    void unknownKeys(const ordered_json &obj, const QString &at, const QStringList &known)
    {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (!known.contains(key(it.key())))
                problem(childPointer(at, key(it.key())), QStringLiteral("unknown key (known: %1)").arg(known.join(QStringLiteral(", "))));
        }
    }

    void requireString(const ordered_json &obj, const QString &at, const char *name)
    {
        const auto it = obj.find(name);
        const QString p = childPointer(at, QLatin1String(name));
        if (it == obj.end())
            problem(p, QStringLiteral("required field is missing"));
        else if (!it->is_string() || it->get<std::string>().empty())
            problem(p, QStringLiteral("must be a non-empty string"));
    }

    void checkTemplate(const std::string &text, const QString &at)
    {
        for (const QString &p : templateProblems(key(text)))
            problem(at, p);
    }

    // A text: a string or {"en": "…", "hi": "…"}.
    void checkText(const ordered_json &v, const QString &at)
    {
        if (v.is_string()) {
            if (v.get<std::string>().empty())
                problem(at, QStringLiteral("must not be empty"));
            checkTemplate(v.get<std::string>(), at);
            return;
        }
        if (v.is_object() && !v.empty()) {
            for (auto it = v.begin(); it != v.end(); ++it) {
                const QString p = childPointer(at, key(it.key()));
                if (!it.value().is_string() || it.value().get<std::string>().empty())
                    problem(p, QStringLiteral("must be a non-empty string"));
                else
                    checkTemplate(it.value().get<std::string>(), p);
            }
            return;
        }
        problem(at, QStringLiteral("must be a text: a string, or an object of strings by language (\"en\", \"hi\")"));
    }

    void checkSettings(const ordered_json &s, const QString &at)
    {
        if (!s.is_object()) {
            problem(at, QStringLiteral("must be an object"));
            return;
        }
        unknownKeys(s, at, settingKeys());
        if (auto v = s.find("maxRetries"); v != s.end() && (!v->is_number_integer() || v->get<int>() < 0 || v->get<int>() > 10))
            problem(childPointer(at, QStringLiteral("maxRetries")), QStringLiteral("must be a whole number from 0 to 10"));
        if (auto v = s.find("defaultOutcome"); v != s.end() && (!v->is_string() || !outcomeValues().contains(key(v->get<std::string>()))))
            problem(childPointer(at, QStringLiteral("defaultOutcome")), QStringLiteral("must be one of %1").arg(outcomeValues().join(QStringLiteral(", "))));
        if (auto v = s.find("orderIdPattern"); v != s.end()) {
            if (!v->is_string())
                problem(childPointer(at, QStringLiteral("orderIdPattern")), QStringLiteral("must be an example ID such as \"ORD-123456\""));
            else if (auto r = nlu::OrderIdPattern::fromExample(key(v->get<std::string>())); !r.ok())
                problem(childPointer(at, QStringLiteral("orderIdPattern")), r.error());
        }
        if (auto v = s.find("phoneCountry"); v != s.end() && (!v->is_string() || v->get<std::string>().size() != 2))
            problem(childPointer(at, QStringLiteral("phoneCountry")), QStringLiteral("must be a two-letter country code such as \"IN\""));
        if (auto v = s.find("dayFirst"); v != s.end() && !v->is_boolean())
            problem(childPointer(at, QStringLiteral("dayFirst")), QStringLiteral("must be true or false"));
        if (auto v = s.find("dateDirection"); v != s.end()
            && (!v->is_string() || (v->get<std::string>() != "future" && v->get<std::string>() != "past")))
            problem(childPointer(at, QStringLiteral("dateDirection")), QStringLiteral("must be \"future\" or \"past\""));
    }

    void checkTexts(const ordered_json &t, const QString &at)
    {
        if (!t.is_object()) {
            problem(at, QStringLiteral("must be an object of texts"));
            return;
        }
        unknownKeys(t, at, textKeys());
        for (auto it = t.begin(); it != t.end(); ++it)
            checkText(it.value(), childPointer(at, key(it.key())));
    }

    void checkStep(const ordered_json &step, const QString &at)
    {
        if (!step.is_object()) {
            problem(at, QStringLiteral("a step must be an object"));
            return;
        }
        unknownKeys(step, at, stepKeys());
        if (auto v = step.find("ask"); v != step.end())
            checkText(*v, childPointer(at, QStringLiteral("ask")));
        if (auto v = step.find("retry"); v != step.end())
            checkText(*v, childPointer(at, QStringLiteral("retry")));
        QStringList expected;
        if (auto v = step.find("expect"); v != step.end()) {
            const QString p = childPointer(at, QStringLiteral("expect"));
            if (!v->is_array()) {
                problem(p, QStringLiteral("must be an array of slot names"));
            } else {
                for (size_t i = 0; i < v->size(); ++i) {
                    const auto &s = (*v)[i];
                    if (!s.is_string() || !slotNames().contains(key(s.get<std::string>())))
                        problem(childPointer(p, qsizetype(i)), QStringLiteral("unknown slot (known: %1)").arg(slotNames().join(QStringLiteral(", "))));
                    else
                        expected << key(s.get<std::string>());
                }
            }
        }
        const bool hasChoices = step.contains("choices");
        if (hasChoices)
            checkChoices(step["choices"], childPointer(at, QStringLiteral("choices")));
        if (expected.contains(QStringLiteral("choice")) && !hasChoices)
            problem(childPointer(at, QStringLiteral("expect")), QStringLiteral("expects \"choice\" but the step has no \"choices\""));
        if (const auto recall = step.find("recall"); recall != step.end()) {
            if (!recall->is_boolean())
                problem(childPointer(at, QStringLiteral("recall")), QStringLiteral("must be true or false"));
            else if (recall->get<bool>() && !hasChoices)
                problem(childPointer(at, QStringLiteral("recall")), QStringLiteral("recalls an item named earlier, but the step has no \"choices\""));
        }
        for (const char *k : { "partial", "invalid" }) {
            if (auto v = step.find(k); v != step.end()) {
                const QString p = childPointer(at, QLatin1String(k));
                if (!v->is_object()) {
                    problem(p, QStringLiteral("must be an object of texts by slot"));
                    continue;
                }
                for (auto it = v->begin(); it != v->end(); ++it) {
                    if (!slotNames().contains(key(it.key())))
                        problem(childPointer(p, key(it.key())), QStringLiteral("unknown slot"));
                    checkText(it.value(), childPointer(p, key(it.key())));
                }
            }
        }
        if (auto v = step.find("on"); v != step.end())
            checkRules(*v, childPointer(at, QStringLiteral("on")));
    }

    void checkChoices(const ordered_json &c, const QString &at)
    {
        if (!c.is_object()) {
            problem(at, QStringLiteral("must be an object with \"from\" and \"label\""));
            return;
        }
        unknownKeys(c, at, { QStringLiteral("from"), QStringLiteral("label"), QStringLiteral("key"), QStringLiteral("limit") });
        if (auto n = c.find("limit"); n != c.end() && (!n->is_number_integer() || n->get<long long>() < 1))
            problem(childPointer(at, QStringLiteral("limit")), QStringLiteral("must be a whole number of at least 1 (how many choices are read out)"));
        checkPathField(c, at, "from", true);
        if (auto l = c.find("label"); l == c.end() || !l->is_string())
            problem(childPointer(at, QStringLiteral("label")), QStringLiteral("required: a template per element, e.g. \"{{item.name}}\""));
        else
            checkTemplate(l->get<std::string>(), childPointer(at, QStringLiteral("label")));
        if (auto k = c.find("key"); k != c.end() && !k->is_string())
            problem(childPointer(at, QStringLiteral("key")), QStringLiteral("must be a field name"));
    }

    void checkPath(const ordered_json &v, const QString &at)
    {
        if (!v.is_string() || templateProblems(QStringLiteral("{{") + key(v.get<std::string>()) + QStringLiteral("}}")).size() > 0
            || v.get<std::string>().find('(') != std::string::npos)
            problem(at, QStringLiteral("must be a path such as \"order.status\""));
    }

    void checkPathField(const ordered_json &obj, const QString &at, const char *name, bool required)
    {
        const auto it = obj.find(name);
        if (it == obj.end()) {
            if (required)
                problem(childPointer(at, QLatin1String(name)), QStringLiteral("required path is missing"));
            return;
        }
        checkPath(*it, childPointer(at, QLatin1String(name)));
    }

    void checkPaths(const ordered_json &v, const QString &at)
    {
        if (v.is_array()) {
            for (size_t i = 0; i < v.size(); ++i)
                checkPath(v[i], childPointer(at, qsizetype(i)));
        } else {
            checkPath(v, at);
        }
    }

    void checkNames(const ordered_json &v, const QString &at, const QStringList &known, const QString &what)
    {
        const auto one = [&](const ordered_json &n, const QString &p) {
            if (!n.is_string())
                problem(p, QStringLiteral("must be a %1 name").arg(what));
            else if (!known.contains(key(n.get<std::string>())))
                problem(p, QStringLiteral("unknown %1 %2").arg(what, quoted(key(n.get<std::string>()))));
        };
        if (v.is_array() && !v.empty()) {
            for (size_t i = 0; i < v.size(); ++i)
                one(v[i], childPointer(at, qsizetype(i)));
        } else {
            one(v, at);
        }
    }

    void checkWhen(const ordered_json &w, const QString &at)
    {
        if (!w.is_object() || w.empty()) {
            problem(at, QStringLiteral("must be an object of conditions (leave \"when\" out for a rule that always matches)"));
            return;
        }
        unknownKeys(w, at, conditionKeys());
        for (auto it = w.begin(); it != w.end(); ++it) {
            const QString k = key(it.key());
            const QString p = childPointer(at, k);
            const ordered_json &v = it.value();
            if (k == QLatin1String("intent")) {
                checkNames(v, p, m_inputs.intentNames, QStringLiteral("intent"));
            } else if (k == QLatin1String("heard")) {
                checkNames(v, p, slotNames(), QStringLiteral("slot"));
            } else if (k == QLatin1String("answer")) {
                if (!v.is_string() || (v != "yes" && v != "no" && v != "unsure"))
                    problem(p, QStringLiteral("must be \"yes\", \"no\" or \"unsure\""));
            } else if (k == QLatin1String("has") || k == QLatin1String("missing")) {
                checkPaths(v, p);
            } else if (!v.is_object() || v.empty()) {
                problem(p, QStringLiteral("must be an object of path: value"));
            } else {
                for (auto c = v.begin(); c != v.end(); ++c) {
                    const QString cp = childPointer(p, key(c.key()));
                    checkPath(ordered_json(c.key()), cp);
                    const bool numeric = k == QLatin1String("above") || k == QLatin1String("below");
                    if (numeric && !c.value().is_number())
                        problem(cp, QStringLiteral("must be a number"));
                    if (!numeric && (c.value().is_object() || (c.value().is_array() && c.value().empty())))
                        problem(cp, QStringLiteral("must be a value or a non-empty array of values"));
                }
            }
        }
    }

    void checkRules(const ordered_json &rules, const QString &at)
    {
        if (!rules.is_array()) {
            problem(at, QStringLiteral("must be an array of rules {\"when\": {…}, \"do\": […]}"));
            return;
        }
        for (size_t i = 0; i < rules.size(); ++i) {
            const ordered_json &r = rules[i];
            const QString p = childPointer(at, qsizetype(i));
            if (!r.is_object()) {
                problem(p, QStringLiteral("a rule must be an object"));
                continue;
            }
            unknownKeys(r, p, { QStringLiteral("when"), QStringLiteral("do") });
            if (auto w = r.find("when"); w != r.end())
                checkWhen(*w, childPointer(p, QStringLiteral("when")));
            if (auto d = r.find("do"); d == r.end())
                problem(childPointer(p, QStringLiteral("do")), QStringLiteral("required list of actions is missing"));
            else
                checkActions(*d, childPointer(p, QStringLiteral("do")), false);
        }
    }

    void checkActions(const ordered_json &actions, const QString &at, bool mayBeEmpty)
    {
        if (!actions.is_array() || (!mayBeEmpty && actions.empty())) {
            problem(at, QStringLiteral("must be a non-empty array of actions"));
            return;
        }
        for (size_t i = 0; i < actions.size(); ++i)
            checkAction(actions[i], childPointer(at, qsizetype(i)));
    }

    void checkAction(const ordered_json &a, const QString &at)
    {
        if (!a.is_object()) {
            problem(at, QStringLiteral("an action must be an object such as {\"say\": \"…\"}"));
            return;
        }
        QStringList keys;
        QStringList verbs;
        for (auto it = a.begin(); it != a.end(); ++it) {
            keys << key(it.key());
            if (actionVerbs().contains(key(it.key())))
                verbs << key(it.key());
        }
        const QString verb = actionVerb(keys);
        if (verb.isEmpty()) {
            problem(at, verbs.isEmpty() ? QStringLiteral("no action verb (one of %1)").arg(actionVerbs().join(QStringLiteral(", ")))
                                        : QStringLiteral("one verb per action, found %1").arg(verbs.join(QStringLiteral(", "))));
            return;
        }
        unknownKeys(a, at, QStringList(verb) << actionOptions(verb));
        const ordered_json &v = a[verb.toStdString()];
        const QString p = childPointer(at, verb);
        if (verb == QLatin1String("say")) {
            checkText(v, p);
        } else if (verb == QLatin1String("call")) {
            checkCall(a, at);
        } else if (verb == QLatin1String("branch")) {
            checkRules(v, p);
        } else if (verb == QLatin1String("run")) {
            if (!v.is_string() || !m_routines.contains(key(v.get<std::string>())))
                problem(p, QStringLiteral("no routine named %1").arg(v.is_string() ? quoted(key(v.get<std::string>())) : QStringLiteral("(not a string)")));
        } else if (verb == QLatin1String("goto")) {
            if (!v.is_string() || !m_steps.contains(key(v.get<std::string>())))
                problem(p, QStringLiteral("no step named %1").arg(v.is_string() ? quoted(key(v.get<std::string>())) : QStringLiteral("(not a string)")));
            if (auto ask = a.find("ask"); ask != a.end() && !ask->is_boolean())
                problem(childPointer(at, QStringLiteral("ask")), QStringLiteral("must be true or false"));
        } else if (verb == QLatin1String("set")) {
            checkSet(v, p);
        } else if (verb == QLatin1String("count")) {
            if (!v.is_string() || v.get<std::string>().empty())
                problem(p, QStringLiteral("must name a counter"));
        } else if (verb == QLatin1String("retry")) {
            if (!(v.is_boolean() && v.get<bool>()))
                checkText(v, p);
        } else if (verb == QLatin1String("reask")) {
            if (!(v.is_boolean() && v.get<bool>()))
                problem(p, QStringLiteral("must be true"));
        } else if (verb == QLatin1String("outcome")) {
            if (!v.is_string() || !outcomeValues().contains(key(v.get<std::string>())))
                problem(p, QStringLiteral("must be one of %1").arg(outcomeValues().join(QStringLiteral(", "))));
        } else if (verb == QLatin1String("end")) {
            if (!(v.is_boolean() && v.get<bool>()) && (!v.is_string() || !outcomeValues().contains(key(v.get<std::string>()))))
                problem(p, QStringLiteral("must be true (the outcome so far) or one of %1").arg(outcomeValues().join(QStringLiteral(", "))));
        } else if (verb == QLatin1String("revenue")) {
            checkRevenue(v, p);
        } else if (verb == QLatin1String("escalate")) {
            if (!v.is_string() || !escalationReasons().contains(key(v.get<std::string>())))
                problem(p, QStringLiteral("must be one of %1").arg(escalationReasons().join(QStringLiteral(", "))));
            for (const char *k : { "say", "summary" }) {
                if (auto t = a.find(k); t != a.end())
                    checkText(*t, childPointer(at, QLatin1String(k)));
            }
            needTool(QStringLiteral("transfer_to_human"), p);
        }
    }

    void needTool(const QString &tool, const QString &at)
    {
        if (!m_inputs.agentTools.isEmpty() && !m_inputs.agentTools.contains(tool))
            problem(at, QStringLiteral("needs the tool %1, which the agent does not list in \"tools\"").arg(quoted(tool)));
    }

    void checkCall(const ordered_json &a, const QString &at)
    {
        const ordered_json &v = a["call"];
        const QString p = childPointer(at, QStringLiteral("call"));
        const ToolDefinition *def = v.is_string() ? findTool(key(v.get<std::string>())) : nullptr;
        if (!def) {
            problem(p, QStringLiteral("unknown tool %1 (known: %2)")
                               .arg(v.is_string() ? quoted(key(v.get<std::string>())) : QStringLiteral("(not a string)"),
                                    toolNames().join(QStringLiteral(", "))));
            return;
        }
        needTool(def->name, p);
        if (auto as = a.find("as"); as != a.end()) {
            const QString ap = childPointer(at, QStringLiteral("as"));
            if (!as->is_string() || as->get<std::string>().empty() || as->get<std::string>().find('.') != std::string::npos)
                problem(ap, QStringLiteral("must be a name without dots"));
            else if (reservedRoots().contains(key(as->get<std::string>())))
                problem(ap, QStringLiteral("%1 is reserved").arg(quoted(key(as->get<std::string>()))));
        }
        const auto args = a.find("args");
        if (args == a.end())
            return;
        const QString argsAt = childPointer(at, QStringLiteral("args"));
        if (!args->is_object()) {
            problem(argsAt, QStringLiteral("must be an object of argument templates"));
            return;
        }
        const json &props = def->parameters.contains("properties") ? def->parameters["properties"] : json::object();
        for (auto it = args->begin(); it != args->end(); ++it) {
            const QString ap = childPointer(argsAt, key(it.key()));
            if (!props.contains(it.key()))
                problem(ap, QStringLiteral("%1 takes no argument %2").arg(def->name, quoted(key(it.key()))));
            checkTemplates(it.value(), ap);
        }
    }

    void checkTemplates(const ordered_json &v, const QString &at)
    {
        if (v.is_string())
            checkTemplate(v.get<std::string>(), at);
        else if (v.is_array())
            for (size_t i = 0; i < v.size(); ++i)
                checkTemplates(v[i], childPointer(at, qsizetype(i)));
        else if (v.is_object())
            for (auto it = v.begin(); it != v.end(); ++it)
                checkTemplates(it.value(), childPointer(at, key(it.key())));
    }

    void checkSet(const ordered_json &v, const QString &at)
    {
        if (!v.is_object() || v.empty()) {
            problem(at, QStringLiteral("must be an object of name: value"));
            return;
        }
        for (auto it = v.begin(); it != v.end(); ++it) {
            const QString name = key(it.key());
            const QString p = childPointer(at, name);
            const QStringList parts = name.split(QLatin1Char('.'));
            const bool slot = parts.size() == 2 && parts.first() == QLatin1String("slots") && !parts.last().isEmpty();
            if (!slot && (parts.size() != 1 || name.isEmpty() || reservedRoots().contains(name)))
                problem(p, QStringLiteral("must be a plain name that is not reserved (%1), or \"slots.NAME\"")
                                   .arg(reservedRoots().join(QStringLiteral(", "))));
            checkTemplates(it.value(), p);
        }
    }

    void checkRevenue(const ordered_json &v, const QString &at)
    {
        if (!v.is_object()) {
            problem(at, QStringLiteral("must be {\"amount\": …, \"currency\": …}"));
            return;
        }
        unknownKeys(v, at, { QStringLiteral("amount"), QStringLiteral("currency") });
        if (auto a = v.find("amount"); a == v.end() || !(a->is_number() || a->is_string()))
            problem(childPointer(at, QStringLiteral("amount")), QStringLiteral("required: a number or a template"));
        else
            checkTemplates(*a, childPointer(at, QStringLiteral("amount")));
        if (auto c = v.find("currency"); c != v.end()) {
            if (!c->is_string())
                problem(childPointer(at, QStringLiteral("currency")), QStringLiteral("must be a currency code or a template"));
            else
                checkTemplates(*c, childPointer(at, QStringLiteral("currency")));
        }
    }

    const ordered_json &m_doc;
    const ValidationInputs &m_inputs;
    QStringList m_steps;
    QStringList m_routines;
    QList<JsonIssue> m_issues;
};

} // namespace

QList<JsonIssue> validatePlaybook(const ordered_json &document, const ValidationInputs &inputs)
{
    return Validator(document, inputs).run();
}

} // namespace ringside::playbook
