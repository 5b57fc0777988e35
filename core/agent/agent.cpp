#include "agent/agent.h"

#include "agent/agentreader.h"

#include <QFile>

#include <cmath>

namespace ringside {

namespace {

QString quoted(const QString &s)
{
    return u'"' + s + u'"';
}

// util/jsonqt.h speaks nlohmann::json; the agent document is an ordered_json.
ordered_json toJson(const QString &s)
{
    return s.toStdString();
}

ordered_json toJson(const QStringList &list)
{
    ordered_json arr = ordered_json::array();
    for (const QString &s : list)
        arr.push_back(s.toStdString());
    return arr;
}

// `obj[key]` as an object, replacing a non-object only because the caller is about to write into it.
ordered_json &objectAt(ordered_json &obj, const char *key)
{
    ordered_json &node = obj[key];
    if (!node.is_object())
        node = ordered_json::object();
    return node;
}

const TemplateVariable *findVariable(const QList<TemplateVariable> &vars, const QString &name)
{
    for (const TemplateVariable &v : vars) {
        if (v.name == name)
            return &v;
    }
    return nullptr;
}

void mergeVariables(ordered_json &agentObj, const QList<TemplateVariable> &now, const QList<TemplateVariable> &before)
{
    ordered_json &vars = objectAt(agentObj, "variables");
    for (const TemplateVariable &old : before) {
        if (!findVariable(now, old.name))
            vars.erase(old.name.toStdString());
    }
    for (const TemplateVariable &v : now) {
        const TemplateVariable *old = findVariable(before, v.name);
        if (old && *old == v)
            continue;
        ordered_json &entry = objectAt(vars, v.name.toUtf8().constData());
        if (!old || old->description != v.description)
            entry["description"] = toJson(v.description);
        if (v.hasDefault && (!old || !old->hasDefault || old->defaultValue != v.defaultValue))
            entry["default"] = toJson(v.defaultValue);
        else if (!v.hasDefault)
            entry.erase("default");
    }
}

} // namespace

QString KeywordBoost::toString() const
{
    return hasBoost ? word + u':' + QString::number(boost) : word;
}

bool parseKeyword(const QString &text, KeywordBoost *out, QString *error)
{
    const qsizetype colon = text.lastIndexOf(u':');
    KeywordBoost keyword;
    keyword.word = (colon < 0 ? text : text.left(colon)).trimmed();
    if (keyword.word.isEmpty()) {
        *error = text.trimmed().isEmpty() ? QStringLiteral("keyword is empty")
                                          : QStringLiteral("%1 has no word before ':'").arg(quoted(text));
        return false;
    }
    if (colon >= 0) {
        const QString boostText = text.mid(colon + 1).trimmed();
        if (boostText.isEmpty()) {
            *error = QStringLiteral("%1 has no boost after ':' (write \"word:boost\" or just \"word\")").arg(quoted(text));
            return false;
        }
        bool ok = false;
        keyword.boost = boostText.toDouble(&ok);
        if (!ok || !std::isfinite(keyword.boost)) {
            *error = QStringLiteral("boost %1 in %2 is not a number").arg(quoted(boostText), quoted(text));
            return false;
        }
        if (keyword.boost < agentlimits::minKeywordBoost || keyword.boost > agentlimits::maxKeywordBoost) {
            *error = QStringLiteral("boost %1 in %2 is out of range %3 to %4")
                         .arg(boostText, quoted(text))
                         .arg(agentlimits::minKeywordBoost)
                         .arg(agentlimits::maxKeywordBoost);
            return false;
        }
        keyword.hasBoost = true;
    }
    *out = keyword;
    return true;
}

AgentLoadResult loadAgent(const QByteArray &bytes, const QStringList &knownTools)
{
    AgentLoadResult result;
    JsonReadResult json = readJson(bytes);
    result.issues = json.issues;
    if (!json.parsed)
        return result;
    result.agent.document = std::move(json.value);
    agentdetail::readAgentDocument(result.agent.document, knownTools, &result.agent, &result.issues);
    return result;
}

AgentLoadResult loadAgentFile(const QString &path, const QStringList &knownTools)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        AgentLoadResult result;
        result.issues.append({ QString(), QStringLiteral("cannot read the file: %1").arg(file.errorString()) });
        return result;
    }
    return loadAgent(file.readAll(), knownTools);
}

QList<AgentIssue> validateAgent(const Agent &agent, const QStringList &knownTools)
{
    Agent scratch;
    QList<AgentIssue> issues;
    agentdetail::readAgentDocument(agentDocument(agent), knownTools, &scratch, &issues);
    return issues;
}

ordered_json agentDocument(const Agent &agent)
{
    // What the document says now; only fields whose typed value differs from it are written.
    Agent before;
    QList<AgentIssue> ignored;
    agentdetail::readAgentDocument(agent.document, {}, &before, &ignored);

    ordered_json doc = agent.document;
    auto agentObj = [&]() -> ordered_json & {
        if (!doc.is_object())
            doc = ordered_json::object();
        return objectAt(doc, "agent");
    };
    auto put = [&](const char *key, const ordered_json &value) { agentObj()[key] = value; };

    if (agent.name != before.name)
        put("name", toJson(agent.name));
    if (agent.type != before.type)
        put("type", toJson(agentTypeName(agent.type)));
    if (agent.language != before.language)
        put("language", toJson(agent.language));
    if (agent.useCase != before.useCase)
        put("useCase", toJson(useCaseName(agent.useCase)));
    if (agent.llmProvider != before.llmProvider)
        put("llmProvider", toJson(agent.llmProvider));
    if (agent.llmModel != before.llmModel)
        put("llmModel", toJson(agent.llmModel));
    if (agent.llmTemperature != before.llmTemperature)
        put("llmTemperature", agent.llmTemperature);
    if (agent.sttProvider != before.sttProvider)
        put("sttProvider", toJson(agent.sttProvider));
    if (agent.sttModel != before.sttModel)
        put("sttModel", toJson(agent.sttModel));
    if (agent.endpointingMs != before.endpointingMs)
        objectAt(agentObj(), "sttConfig")["endpointing"] = agent.endpointingMs;
    if (agent.interimResults != before.interimResults)
        objectAt(agentObj(), "sttConfig")["interimResults"] = agent.interimResults;
    if (agent.keywords != before.keywords) {
        QStringList words;
        for (const KeywordBoost &k : agent.keywords)
            words << k.toString();
        objectAt(agentObj(), "sttConfig")["keywords"] = toJson(words);
    }
    if (agent.ttsProvider != before.ttsProvider)
        put("ttsProvider", toJson(agent.ttsProvider));
    if (agent.ttsVoice != before.ttsVoice)
        put("ttsVoice", toJson(agent.ttsVoice));
    if (agent.ttsSpeed != before.ttsSpeed)
        objectAt(agentObj(), "ttsConfig")["speed"] = agent.ttsSpeed;
    if (agent.greetingMessage != before.greetingMessage)
        put("greetingMessage", toJson(agent.greetingMessage));
    if (agent.allowInterruptions != before.allowInterruptions)
        put("allowInterruptions", agent.allowInterruptions);
    if (agent.prompt != before.prompt)
        put("prompt", toJson(agent.prompt));
    if (agent.tools != before.tools)
        put("tools", toJson(agent.tools));
    if (agent.variables != before.variables)
        mergeVariables(agentObj(), agent.variables, before.variables);
    if (agent.playbook != before.playbook)
        put("playbook", toJson(agent.playbook));
    if (agent.callerVerification != before.callerVerification) {
        ordered_json &v = objectAt(agentObj(), "callerVerification");
        v["required"] = agent.callerVerification.required;
        v["methods"] = toJson(agent.callerVerification.methods);
        v["maxAttempts"] = agent.callerVerification.maxAttempts;
    }
    return doc;
}

QByteArray saveAgent(const Agent &agent)
{
    const std::string text = agentDocument(agent).dump(2, ' ', false, ordered_json::error_handler_t::replace);
    return QByteArray::fromStdString(text) + '\n';
}

QHash<QString, QString> templateValues(const Agent &agent, const QHash<QString, QString> &supplied)
{
    QHash<QString, QString> values;
    for (const TemplateVariable &v : agent.variables) {
        if (v.hasDefault)
            values.insert(v.name, v.defaultValue);
    }
    for (auto it = supplied.cbegin(); it != supplied.cend(); ++it)
        values.insert(it.key(), it.value());
    return values;
}

} // namespace ringside
