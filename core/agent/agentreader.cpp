#include "agent/agentreader.h"

#include "agent/template.h"
#include "util/editdistance.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace ringside::agentdetail {

namespace {

// util/jsonqt.h speaks nlohmann::json; the agent document is an ordered_json.
QString textOf(const ordered_json &node)
{
    return QString::fromStdString(node.get<std::string>());
}

QString quoted(const QString &s)
{
    return u'"' + s + u'"';
}

// The known name a mistyped one was probably meant to be, or empty.
QString nearMiss(const QString &name, const QStringList &known)
{
    for (const QString &k : known) {
        if (name.compare(k, Qt::CaseInsensitive) == 0 || (name.size() >= 4 && editDistance(name, k) <= 1))
            return k;
    }
    return {};
}

QString located(const QString &text, const TemplateIssue &issue)
{
    if (text.contains(u'\n'))
        return QStringLiteral("line %1, column %2: %3").arg(issue.line).arg(issue.column).arg(issue.message);
    return QStringLiteral("column %1: %2").arg(issue.column).arg(issue.message);
}

class Reader
{
public:
    Reader(const QStringList &knownTools, QList<AgentIssue> *issues) : m_knownTools(knownTools), m_issues(issues) {}

    void read(const ordered_json &doc, Agent *agent);

private:
    void problem(const QString &pointer, const QString &message) { m_issues->append({ pointer, message }); }
    void wrongType(const QString &pointer, const char *expected, const ordered_json &value)
    {
        problem(pointer, QStringLiteral("must be %1, got %2").arg(QLatin1String(expected), QLatin1String(value.type_name())));
    }

    // Each returns the node when present and of the right type, else nullptr (after reporting).
    const ordered_json *child(const ordered_json &obj, const char *key) const
    {
        const auto it = obj.find(key);
        return it == obj.end() ? nullptr : &*it;
    }
    bool readString(const ordered_json &obj, const QString &base, const char *key, QString *out, bool required = false);
    bool readBool(const ordered_json &obj, const QString &base, const char *key, bool *out);
    bool readNumber(const ordered_json &obj, const QString &base, const char *key, double *out);
    void readEnumName(const ordered_json &obj, const QString &base, const char *key, const QString &what,
                      const QStringList &known, QString *out);

    void readSttConfig(const ordered_json &obj, const QString &base, Agent *agent);
    void readTtsConfig(const ordered_json &obj, const QString &base, Agent *agent);
    void readKeywords(const ordered_json &arr, const QString &base, QList<KeywordBoost> *out);
    void readTools(const ordered_json &arr, const QString &base, QStringList *out);
    void readVariables(const ordered_json &obj, const QString &base, QList<TemplateVariable> *out);
    void readCallerVerification(const ordered_json &obj, const QString &base, CallerVerificationSettings *out);
    void checkVoiceLanguage(const QString &base, const Agent &agent);
    void checkTemplate(const QString &pointer, const QString &text, const QStringList &declared);
    void checkKeys(const ordered_json &obj, const QString &base, const QStringList &known);

    QStringList m_knownTools;
    QList<AgentIssue> *m_issues;
};

bool Reader::readString(const ordered_json &obj, const QString &base, const char *key, QString *out, bool required)
{
    const QString pointer = childPointer(base, QLatin1String(key));
    const ordered_json *node = child(obj, key);
    if (!node) {
        if (required)
            problem(pointer, QStringLiteral("required field is missing"));
        return false;
    }
    if (!node->is_string()) {
        wrongType(pointer, "a string", *node);
        return false;
    }
    const QString value = textOf(*node);
    if (required && value.trimmed().isEmpty()) {
        problem(pointer, QStringLiteral("must not be empty"));
        return false;
    }
    *out = value;
    return true;
}

bool Reader::readBool(const ordered_json &obj, const QString &base, const char *key, bool *out)
{
    const ordered_json *node = child(obj, key);
    if (!node)
        return false;
    if (!node->is_boolean()) {
        wrongType(childPointer(base, QLatin1String(key)), "true or false", *node);
        return false;
    }
    *out = node->get<bool>();
    return true;
}

bool Reader::readNumber(const ordered_json &obj, const QString &base, const char *key, double *out)
{
    const ordered_json *node = child(obj, key);
    if (!node)
        return false;
    if (!node->is_number()) {
        wrongType(childPointer(base, QLatin1String(key)), "a number", *node);
        return false;
    }
    *out = node->get<double>();
    return true;
}

void Reader::readEnumName(const ordered_json &obj, const QString &base, const char *key, const QString &what,
                          const QStringList &known, QString *out)
{
    QString value;
    if (!readString(obj, base, key, &value))
        return;
    if (!known.contains(value)) {
        problem(childPointer(base, QLatin1String(key)),
                QStringLiteral("unknown %1 %2; known: %3").arg(what, quoted(value), known.join(QStringLiteral(", "))));
        return;
    }
    *out = value;
}

void Reader::read(const ordered_json &doc, Agent *agent)
{
    if (!doc.is_object()) {
        problem(QString(), QStringLiteral("the top level must be an object {\"agent\": {...}}, got %1")
                               .arg(QLatin1String(doc.type_name())));
        return;
    }
    const QString base = QStringLiteral("/agent");
    const ordered_json *node = child(doc, "agent");
    if (!node) {
        problem(base, QStringLiteral("required field is missing: an agent file is {\"agent\": {...}}"));
        return;
    }
    if (!node->is_object()) {
        wrongType(base, "an object", *node);
        return;
    }
    const ordered_json &a = *node;

    readString(a, base, "name", &agent->name, true);
    QString name;
    readEnumName(a, base, "type", QStringLiteral("type"), agentTypeNames(), &name);
    agentTypeFromName(name, &agent->type);
    QString language;
    if (readString(a, base, "language", &language)) {
        if (isLanguageTag(language))
            agent->language = language;
        else
            problem(childPointer(base, QStringLiteral("language")),
                    QStringLiteral("%1 is not a BCP 47 language tag like en-US, en-IN or hi-IN").arg(quoted(language)));
    }
    name.clear();
    readEnumName(a, base, "useCase", QStringLiteral("useCase"), useCaseNames(), &name);
    useCaseFromName(name, &agent->useCase);

    readEnumName(a, base, "llmProvider", QStringLiteral("LLM provider"), knownLlmProviders(), &agent->llmProvider);
    readString(a, base, "llmModel", &agent->llmModel);
    double temperature = 0;
    if (readNumber(a, base, "llmTemperature", &temperature)) {
        if (temperature < agentlimits::minTemperature || temperature > agentlimits::maxTemperature)
            problem(childPointer(base, QStringLiteral("llmTemperature")),
                    QStringLiteral("must be between %1 and %2, got %3")
                        .arg(agentlimits::minTemperature).arg(agentlimits::maxTemperature).arg(temperature));
        else
            agent->llmTemperature = temperature;
    }

    readEnumName(a, base, "sttProvider", QStringLiteral("STT provider"), knownSttProviders(), &agent->sttProvider);
    readString(a, base, "sttModel", &agent->sttModel);
    if (const ordered_json *stt = child(a, "sttConfig")) {
        if (stt->is_object())
            readSttConfig(*stt, childPointer(base, QStringLiteral("sttConfig")), agent);
        else
            wrongType(childPointer(base, QStringLiteral("sttConfig")), "an object", *stt);
    }

    // An unknown provider is already reported; its speed range is unknown too.
    const qsizetype issuesBefore = m_issues->size();
    readEnumName(a, base, "ttsProvider", QStringLiteral("TTS provider"), knownTtsProviders(), &agent->ttsProvider);
    const bool ttsProviderValid = m_issues->size() == issuesBefore;
    readString(a, base, "ttsVoice", &agent->ttsVoice);
    if (const ordered_json *tts = child(a, "ttsConfig")) {
        if (!tts->is_object())
            wrongType(childPointer(base, QStringLiteral("ttsConfig")), "an object", *tts);
        else if (ttsProviderValid)
            readTtsConfig(*tts, childPointer(base, QStringLiteral("ttsConfig")), agent);
    }

    readString(a, base, "greetingMessage", &agent->greetingMessage, true);
    readBool(a, base, "allowInterruptions", &agent->allowInterruptions);
    readString(a, base, "prompt", &agent->prompt, true);

    if (const ordered_json *tools = child(a, "tools")) {
        if (tools->is_array())
            readTools(*tools, childPointer(base, QStringLiteral("tools")), &agent->tools);
        else
            wrongType(childPointer(base, QStringLiteral("tools")), "an array of tool names", *tools);
    }
    QStringList declared;
    if (const ordered_json *vars = child(a, "variables")) {
        if (vars->is_object())
            readVariables(*vars, childPointer(base, QStringLiteral("variables")), &agent->variables);
        else
            wrongType(childPointer(base, QStringLiteral("variables")), "an object", *vars);
        if (vars->is_object()) {
            for (auto it = vars->begin(); it != vars->end(); ++it)
                declared << QString::fromStdString(it.key());   // a malformed declaration still declares the name
        }
    }
    QString playbook;
    if (readString(a, base, "playbook", &playbook)) {
        const QString pointer = childPointer(base, QStringLiteral("playbook"));
        if (playbook.trimmed().isEmpty())
            problem(pointer, QStringLiteral("must not be empty (leave the key out for no playbook)"));
        else if (!playbook.endsWith(QLatin1String(".json")))
            problem(pointer, QStringLiteral("must name a .json file, got %1").arg(quoted(playbook)));
        else
            agent->playbook = playbook;
    }

    if (const ordered_json *verification = child(a, "callerVerification")) {
        const QString pointer = childPointer(base, QStringLiteral("callerVerification"));
        if (verification->is_object())
            readCallerVerification(*verification, pointer, &agent->callerVerification);
        else
            wrongType(pointer, "an object {\"required\": true, \"methods\": [...], \"maxAttempts\": 2}", *verification);
    }
    if (ttsProviderValid)
        checkVoiceLanguage(base, *agent);

    checkTemplate(childPointer(base, QStringLiteral("greetingMessage")), agent->greetingMessage, declared);
    checkTemplate(childPointer(base, QStringLiteral("prompt")), agent->prompt, declared);
    checkKeys(a, base, agentKeys());
}

void Reader::readSttConfig(const ordered_json &obj, const QString &base, Agent *agent)
{
    if (const ordered_json *e = child(obj, "endpointing")) {
        const QString pointer = childPointer(base, QStringLiteral("endpointing"));
        if (!e->is_number()) {
            wrongType(pointer, "a number of milliseconds", *e);
        } else {
            const double ms = e->get<double>();
            if (ms < 0)
                problem(pointer, QStringLiteral("must be 0 or more milliseconds, got %1").arg(ms));
            else if (ms != std::floor(ms) || ms > 600000)
                problem(pointer, QStringLiteral("must be a whole number of milliseconds up to 600000, got %1").arg(ms));
            else
                agent->endpointingMs = int(ms);
        }
    }
    readBool(obj, base, "interimResults", &agent->interimResults);
    if (const ordered_json *k = child(obj, "keywords")) {
        if (k->is_array())
            readKeywords(*k, childPointer(base, QStringLiteral("keywords")), &agent->keywords);
        else
            wrongType(childPointer(base, QStringLiteral("keywords")), "an array of \"word:boost\" strings", *k);
    }
    checkKeys(obj, base, { QStringLiteral("endpointing"), QStringLiteral("interimResults"), QStringLiteral("keywords") });
}

void Reader::readTtsConfig(const ordered_json &obj, const QString &base, Agent *agent)
{
    double speed = 0;
    if (readNumber(obj, base, "speed", &speed)) {
        SpeedRange range;
        ttsSpeedRange(agent->ttsProvider, &range);
        if (speed < range.min || speed > range.max)
            problem(childPointer(base, QStringLiteral("speed")),
                    QStringLiteral("must be between %1 and %2 for ttsProvider %3, got %4")
                        .arg(range.min).arg(range.max).arg(agent->ttsProvider).arg(speed));
        else
            agent->ttsSpeed = speed;
    }
    checkKeys(obj, base, { QStringLiteral("speed") });
}

void Reader::readKeywords(const ordered_json &arr, const QString &base, QList<KeywordBoost> *out)
{
    for (qsizetype i = 0; i < qsizetype(arr.size()); ++i) {
        const QString pointer = childPointer(base, i);
        const ordered_json &item = arr[size_t(i)];
        if (!item.is_string()) {
            wrongType(pointer, "a \"word:boost\" string", item);
            continue;
        }
        QString error;
        KeywordBoost keyword;
        if (parseKeyword(textOf(item), &keyword, &error))
            out->append(keyword);
        else
            problem(pointer, error);
    }
}

void Reader::readTools(const ordered_json &arr, const QString &base, QStringList *out)
{
    for (qsizetype i = 0; i < qsizetype(arr.size()); ++i) {
        const QString pointer = childPointer(base, i);
        const ordered_json &item = arr[size_t(i)];
        if (!item.is_string()) {
            wrongType(pointer, "a tool name", item);
            continue;
        }
        const QString tool = textOf(item);
        if (!isIdentifier(tool))
            problem(pointer, QStringLiteral("%1 is not a tool name (letters, digits and _)").arg(quoted(tool)));
        else if (out->contains(tool))
            problem(pointer, QStringLiteral("tool %1 is listed twice").arg(quoted(tool)));
        else if (!m_knownTools.isEmpty() && !m_knownTools.contains(tool))
            problem(pointer, QStringLiteral("unknown tool %1; known: %2").arg(quoted(tool), m_knownTools.join(QStringLiteral(", "))));
        else
            out->append(tool);
    }
}

void Reader::readVariables(const ordered_json &obj, const QString &base, QList<TemplateVariable> *out)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const QString name = QString::fromStdString(it.key());
        const QString pointer = childPointer(base, name);
        if (!isIdentifier(name)) {
            problem(pointer, QStringLiteral("%1 is not a variable name (letters, digits and _)").arg(quoted(name)));
            continue;
        }
        if (!it->is_object()) {
            wrongType(pointer, "an object {\"description\": ..., \"default\": ...}", *it);
            continue;
        }
        TemplateVariable var;
        var.name = name;
        readString(*it, pointer, "description", &var.description);
        var.hasDefault = readString(*it, pointer, "default", &var.defaultValue);
        checkKeys(*it, pointer, { QStringLiteral("description"), QStringLiteral("default") });
        out->append(var);
    }
}

void Reader::readCallerVerification(const ordered_json &obj, const QString &base, CallerVerificationSettings *out)
{
    readBool(obj, base, "required", &out->required);
    if (const ordered_json *methods = child(obj, "methods")) {
        const QString pointer = childPointer(base, QStringLiteral("methods"));
        if (!methods->is_array()) {
            wrongType(pointer, "an array of method names", *methods);
        } else {
            const QStringList known = callerVerificationMethods();
            QStringList read;
            for (qsizetype i = 0; i < qsizetype(methods->size()); ++i) {
                const ordered_json &m = (*methods)[size_t(i)];
                const QString itemPointer = childPointer(pointer, i);
                if (!m.is_string()) {
                    wrongType(itemPointer, "a method name", m);
                    continue;
                }
                const QString name = textOf(m);
                if (!known.contains(name))
                    problem(itemPointer, QStringLiteral("unknown method %1; known: %2").arg(quoted(name), known.join(QStringLiteral(", "))));
                else if (read.contains(name))
                    problem(itemPointer, QStringLiteral("method %1 is listed twice").arg(quoted(name)));
                else
                    read << name;
            }
            if (methods->empty())
                problem(pointer, QStringLiteral("must name at least one method (%1)").arg(known.join(QStringLiteral(", "))));
            else if (!read.isEmpty())
                out->methods = read;
        }
    }
    if (const ordered_json *attempts = child(obj, "maxAttempts")) {
        const QString pointer = childPointer(base, QStringLiteral("maxAttempts"));
        if (!attempts->is_number()) {
            wrongType(pointer, "a whole number", *attempts);
        } else {
            const double n = attempts->get<double>();
            if (n != std::floor(n) || n < 1 || n > agentlimits::maxVerificationAttempts)
                problem(pointer, QStringLiteral("must be a whole number from 1 to %1, got %2").arg(agentlimits::maxVerificationAttempts).arg(n));
            else
                out->maxAttempts = int(n);
        }
    }
    checkKeys(obj, base, { QStringLiteral("required"), QStringLiteral("methods"), QStringLiteral("maxAttempts") });
}

void Reader::checkVoiceLanguage(const QString &base, const Agent &agent)
{
    // Azure voice names start with their locale ("ta-IN-PallaviNeural"): one that speaks another
    // language would read every reply with the wrong accent, or not at all.
    if (agent.ttsProvider != QLatin1String("azure") || agent.ttsVoice.isEmpty())
        return;
    const QStringList parts = agent.ttsVoice.split(QLatin1Char('-'));
    if (parts.size() < 3)
        return;
    const QString locale = parts.at(0) + QLatin1Char('-') + parts.at(1);
    if (!isLanguageTag(locale))
        return;
    if (locale.compare(agent.language, Qt::CaseInsensitive) != 0)
        problem(childPointer(base, QStringLiteral("ttsVoice")),
                QStringLiteral("Azure voice %1 speaks %2, but the agent's language is %3").arg(quoted(agent.ttsVoice), locale, agent.language));
}

void Reader::checkTemplate(const QString &pointer, const QString &text, const QStringList &declared)
{
    const TemplateScan scan = scanTemplate(text);
    for (const TemplateIssue &issue : scan.issues)
        problem(pointer, located(text, issue));
    const QStringList builtIn = builtInVariables();
    QSet<QString> reported;
    for (const Placeholder &p : scan.placeholders) {
        if (builtIn.contains(p.name) || declared.contains(p.name) || reported.contains(p.name))
            continue;
        reported.insert(p.name);
        const QString guess = nearMiss(p.name, builtIn + declared);
        const QString message = QStringLiteral("unknown variable {{%1}}; %2").arg(p.name,
            guess.isEmpty() ? QStringLiteral("declare it in /agent/variables or use a built-in one")
                            : QStringLiteral("did you mean {{%1}}?").arg(guess));
        problem(pointer, located(text, templateIssueAt(text, p.start, message)));
    }
}

void Reader::checkKeys(const ordered_json &obj, const QString &base, const QStringList &known)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const QString key = QString::fromStdString(it.key());
        if (known.contains(key))
            continue;
        const QString guess = nearMiss(key, known);
        if (!guess.isEmpty())   // other unknown keys are kept for newer versions, not reported
            problem(childPointer(base, key), QStringLiteral("unknown key; did you mean %1?").arg(quoted(guess)));
    }
}

} // namespace

QStringList agentKeys()
{
    return { QStringLiteral("name"),          QStringLiteral("type"),           QStringLiteral("language"),
             QStringLiteral("useCase"),       QStringLiteral("llmProvider"),    QStringLiteral("llmModel"),
             QStringLiteral("llmTemperature"), QStringLiteral("sttProvider"),   QStringLiteral("sttModel"),
             QStringLiteral("sttConfig"),     QStringLiteral("ttsProvider"),    QStringLiteral("ttsVoice"),
             QStringLiteral("ttsConfig"),     QStringLiteral("greetingMessage"), QStringLiteral("allowInterruptions"),
             QStringLiteral("prompt"),        QStringLiteral("tools"),          QStringLiteral("variables"),
             QStringLiteral("playbook"),      QStringLiteral("callerVerification") };
}

void readAgentDocument(const ordered_json &document, const QStringList &knownTools, Agent *agent,
                       QList<AgentIssue> *issues)
{
    Reader(knownTools, issues).read(document, agent);
}

} // namespace ringside::agentdetail
