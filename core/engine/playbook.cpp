#include "engine/playbook.h"

#include "agent/agentcatalogue.h"
#include "engine/nlu/analyser.h"
#include "engine/playbookvalidator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ringside {

namespace {

// "/playbook/intents/0/name: must be …" → pointer and message.
JsonIssue issueFromError(const QString &error, const QString &fallbackPointer)
{
    if (error.startsWith(QLatin1Char('/'))) {
        const qsizetype colon = error.indexOf(QLatin1String(": "));
        if (colon > 0)
            return { error.left(colon), error.mid(colon + 2) };
    }
    return { fallbackPointer, error };
}

PlaybookSettings readSettings(const json &s)
{
    PlaybookSettings out;
    if (!s.is_object())
        return out;
    if (auto v = s.find("maxRetries"); v != s.end())
        out.maxRetries = v->get<int>();
    if (auto v = s.find("defaultOutcome"); v != s.end())
        out.defaultOutcome = qs(v->get<std::string>());
    if (auto v = s.find("orderIdPattern"); v != s.end()) {
        if (auto p = nlu::OrderIdPattern::fromExample(qs(v->get<std::string>())); p.ok())
            out.orderIdPattern = p.value();
    }
    if (auto v = s.find("phoneCountry"); v != s.end())
        out.phoneCountry = qs(v->get<std::string>()).toUpper();
    if (auto v = s.find("dayFirst"); v != s.end())
        out.dayFirst = v->get<bool>();
    if (auto v = s.find("dateDirection"); v != s.end())
        out.dateDirection = v->get<std::string>() == "past" ? nlu::TimeDirection::Past : nlu::TimeDirection::Future;
    return out;
}

json member(const json &obj, const char *name, json fallback)
{
    const auto it = obj.find(name);
    return it == obj.end() ? fallback : *it;
}

QStringList namesOf(const json &value)
{
    QStringList out;
    const std::vector<json> names = value.is_array() ? value.get<std::vector<json>>() : std::vector<json>{ value };
    for (const json &name : names) {
        if (name.is_string())
            out << qs(name.get<std::string>());
    }
    return out;
}

// Every intent a `when` inside `node` names, nested branches and the routines it runs included,
// in order of appearance.
void collectIntents(const json &node, QStringList *out, const json &routines = json::object(), int depth = 0)
{
    constexpr int kMaxDepth = 16; // routines running routines; the interpreter stops at the same depth
    if (depth > kMaxDepth)
        return;
    if (node.is_object()) {
        if (const auto when = node.find("when"); when != node.end() && when->is_object()) {
            if (const auto intent = when->find("intent"); intent != when->end()) {
                for (const QString &name : namesOf(*intent))
                    if (!out->contains(name))
                        *out << name;
            }
        }
        if (const auto run = node.find("run"); run != node.end() && run->is_string() && routines.is_object()) {
            if (const auto routine = routines.find(run->get<std::string>()); routine != routines.end())
                collectIntents(*routine, out, routines, depth + 1);
        }
        for (const json &child : node)
            collectIntents(child, out, routines, depth);
    } else if (node.is_array()) {
        for (const json &child : node)
            collectIntents(child, out, routines, depth);
    }
}

// Whether a rule's `is`/`isNot` on "step" let it be tried at `step`; *onlyStep says whether
// its `when` holds nothing but an intent and such step conditions (so it fires whenever the
// intent is heard there).
bool ruleTriedAt(const json &when, const QString &step, bool *onlyStep)
{
    *onlyStep = true;
    for (auto it = when.begin(); it != when.end(); ++it) {
        if (it.key() == "intent")
            continue;
        if ((it.key() == "is" || it.key() == "isNot") && it.value().is_object()) {
            for (auto c = it.value().begin(); c != it.value().end(); ++c) {
                if (c.key() != "step") {
                    *onlyStep = false;
                    continue;
                }
                QStringList steps;
                if (c.value().is_string())
                    steps << qs(c.value().get<std::string>());
                for (const json &v : c.value().is_array() ? c.value() : json::array())
                    if (v.is_string())
                        steps << qs(v.get<std::string>());
                if (steps.contains(step) != (it.key() == "is"))
                    return false;
            }
            continue;
        }
        *onlyStep = false;
    }
    return true;
}

Playbook::Listening listeningAt(const json &anywhere, const json &routines, const QString &step, const json &stepRules)
{
    Playbook::Listening out;
    collectIntents(stepRules, &out.own, routines);
    int position = 0;
    const auto place = [&](const QStringList &names, bool sure) {
        for (const QString &n : names) {
            if (!out.firstPossible.contains(n))
                out.firstPossible.insert(n, position);
            if (sure && !out.firstSure.contains(n))
                out.firstSure.insert(n, position);
        }
    };
    // The brain's own handlers for intents no top-level rule here names (PlaybookBrain::universal,
    // Interpreter::playbookHandles): a person and a complaint before any rule, repeat/wait/goodbye
    // after `anywhere`.
    QStringList named;
    for (const json *rules : { &anywhere, &stepRules }) {
        for (const json &rule : rules->is_array() ? *rules : json::array()) {
            const auto when = rule.find("when");
            if (when != rule.end() && when->is_object() && when->contains("intent"))
                named << namesOf((*when)["intent"]);
        }
    }
    const QStringList hard = { QStringLiteral("human"), QStringLiteral("complaint") };
    const QStringList soft = { QStringLiteral("repeat"), QStringLiteral("wait"), QStringLiteral("goodbye") };
    for (const QString &h : hard)
        if (!named.contains(h))
            place({ h }, true);
    ++position;
    for (const json *rules : { &anywhere, &stepRules }) {
        if (rules == &stepRules) {
            for (const QString &s : soft)
                if (!named.contains(s))
                    place({ s }, true);
            ++position;
        }
        if (!rules->is_array())
            continue;
        for (const json &rule : *rules) {
            const auto when = rule.find("when");
            const bool hasWhen = when != rule.end() && when->is_object();
            bool onlyStep = true;
            if (hasWhen && !ruleTriedAt(*when, step, &onlyStep)) {
                ++position;
                continue;
            }
            QStringList names;
            if (hasWhen && when->contains("intent"))
                names = namesOf((*when)["intent"]);
            place(names, onlyStep);
            QStringList nested; // inside the rule's branches: may fire, after the rule's own test
            if (const auto actions = rule.find("do"); actions != rule.end())
                collectIntents(*actions, &nested, routines);
            place(nested, false);
            ++position;
        }
    }
    return out;
}

} // namespace

const json *Playbook::step(const QString &name) const
{
    const auto it = steps.find(name.toStdString());
    return it == steps.end() ? nullptr : &*it;
}

const json *Playbook::routine(const QString &name) const
{
    const auto it = routines.find(name.toStdString());
    return it == routines.end() ? nullptr : &*it;
}

PlaybookLoadResult loadPlaybook(const QByteArray &bytes, const nlu::Analyser &analyser, const QStringList &agentTools,
                                const QString &path)
{
    PlaybookLoadResult out;
    const JsonReadResult read = readJson(bytes);
    out.issues = read.issues;
    if (!read.parsed)
        return out;

    // Compile the intents first: the rules may name them.
    nlu::IntentMatcher intents;
    QStringList intentNames = analyser.lexicon().intents().intents();
    const ordered_json &doc = read.value;
    if (doc.is_object() && doc.contains("playbook") && doc["playbook"].is_object() && doc["playbook"].contains("intents")) {
        const json raw = json::parse(doc["playbook"]["intents"].dump());
        auto compiled = analyser.compileIntents(raw, QStringLiteral("/playbook/intents"));
        if (compiled.ok()) {
            intents = compiled.value();
            intentNames << intents.intents();
        } else {
            out.issues << issueFromError(compiled.error(), QStringLiteral("/playbook/intents"));
        }
    }
    playbook::ValidationInputs inputs;
    inputs.intentNames = intentNames;
    inputs.agentTools = agentTools;
    out.issues << playbook::validatePlaybook(doc, inputs);
    if (!out.issues.isEmpty())
        return out;

    const json pb = json::parse(doc["playbook"].dump());
    auto result = std::make_shared<Playbook>();
    result->name = qs(pb["name"].get<std::string>());
    result->path = path;
    result->start = qs(pb["start"].get<std::string>());
    result->settings = readSettings(member(pb, "settings", json::object()));
    result->steps = pb["steps"];
    result->routines = member(pb, "routines", json::object());
    result->anywhere = member(pb, "anywhere", json::array());
    result->begin = member(pb, "begin", json::array());
    result->texts = member(pb, "texts", json::object());
    result->intents = std::move(intents);
    for (const json &intent : member(pb, "intents", json::array())) {
        QStringList &list = result->phrases[stringAt(intent, "name")];
        for (const json &phrase : member(intent, "phrases", json::array()))
            if (phrase.is_string())
                list << qs(phrase.get<std::string>());
    }
    for (auto it = result->steps.begin(); it != result->steps.end(); ++it)
        result->listening.insert(qs(it.key()), listeningAt(result->anywhere, result->routines, qs(it.key()), member(it.value(), "on", json::array())));
    out.playbook = std::move(result);
    return out;
}

PlaybookLoadResult loadPlaybookFile(const QString &path, const nlu::Analyser &analyser, const QStringList &agentTools)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        PlaybookLoadResult out;
        out.issues << JsonIssue{ QString(), QStringLiteral("cannot read %1: %2").arg(path, file.errorString()) };
        return out;
    }
    return loadPlaybook(file.readAll(), analyser, agentTools, path);
}

QList<PlaybookIssue> checkPlaybookFile(const QString &path)
{
    const auto analyser = nlu::Analyser::builtin();
    if (!analyser.ok())
        return { JsonIssue{ QString(), QStringLiteral("the built-in NLU lexicon does not load: %1").arg(analyser.error()) } };
    return loadPlaybookFile(path, analyser.value()).issues;
}

QString playbookPathFor(const QString &agentPath, const QString &playbookName)
{
    if (playbookName.isEmpty())
        return {};
    if (QFileInfo(playbookName).isAbsolute())
        return QFileInfo::exists(playbookName) ? playbookName : QString();
    if (!agentPath.isEmpty()) {
        const QString beside = QFileInfo(agentPath).dir().filePath(playbookName);
        if (QFileInfo::exists(beside))
            return beside;
    }
    const QString shipped = QDir(AgentCatalogue::shippedFolder()).filePath(QFileInfo(playbookName).fileName());
    return QFileInfo::exists(shipped) ? shipped : QString();
}

bool isPlaybookFileName(const QString &fileName)
{
    return fileName.endsWith(QLatin1String(".playbook.json"));
}

} // namespace ringside
