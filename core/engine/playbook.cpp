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
