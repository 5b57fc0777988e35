#include "scenarios/scenario.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace ringside {

namespace {

const QStringList kScenarioKeys = { QStringLiteral("name"), QStringLiteral("agent"), QStringLiteral("brain"), QStringLiteral("now"),
                                    QStringLiteral("seed"), QStringLiteral("fixture"), QStringLiteral("customer"), QStringLiteral("order"),
                                    QStringLiteral("cart"), QStringLiteral("callerPhone"), QStringLiteral("channel"), QStringLiteral("vars"),
                                    QStringLiteral("turns"), QStringLiteral("greeting"), QStringLiteral("expect"),
                                    QStringLiteral("description") };
const QStringList kTurnExpectKeys = { QStringLiteral("says"), QStringLiteral("saysAny"), QStringLiteral("notSays"), QStringLiteral("tool"),
                                      QStringLiteral("tools"), QStringLiteral("noTools"), QStringLiteral("notTool"),
                                      QStringLiteral("escalation"), QStringLiteral("ended"), QStringLiteral("maxSentences") };
const QStringList kCallExpectKeys = { QStringLiteral("outcome"), QStringLiteral("escalation"), QStringLiteral("tools"), QStringLiteral("notTool"),
                                      QStringLiteral("says"), QStringLiteral("notSays"), QStringLiteral("saysAny"), QStringLiteral("ended"),
                                      QStringLiteral("maxSentences"), QStringLiteral("record") };
const QStringList kGreetingKeys = { QStringLiteral("says"), QStringLiteral("saysAny"), QStringLiteral("notSays") };

class Reader
{
public:
    Reader(const QString &file, QStringList *errors) : m_file(file), m_errors(errors) {}

    void problem(const QString &pointer, const QString &message)
    {
        m_errors->append(QStringLiteral("%1: %2: %3").arg(m_file, pointer.isEmpty() ? QStringLiteral("/") : pointer, message));
    }

    QString string(const json &obj, const char *key, const QString &at, bool required = false)
    {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required)
                problem(at + QLatin1Char('/') + QLatin1String(key), QStringLiteral("required field is missing"));
            return {};
        }
        if (!it->is_string() || it->get<std::string>().empty()) {
            problem(at + QLatin1Char('/') + QLatin1String(key), QStringLiteral("must be a non-empty string"));
            return {};
        }
        return qs(it->get<std::string>());
    }

    void keys(const json &obj, const QString &at, const QStringList &known)
    {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (!known.contains(qs(it.key())))
                problem(at + QLatin1Char('/') + qs(it.key()), QStringLiteral("unknown key (known: %1)").arg(known.join(QStringLiteral(", "))));
        }
    }

    void expectations(const json &e, const QString &at, const QStringList &known)
    {
        if (!e.is_object()) {
            problem(at, QStringLiteral("must be an object of expectations"));
            return;
        }
        keys(e, at, known);
        for (const char *k : { "says", "notSays", "saysAny" }) {
            if (auto it = e.find(k); it != e.end() && !isTextList(*it))
                problem(at + QLatin1Char('/') + QLatin1String(k), QStringLiteral("must be a string or an array of strings"));
        }
        for (const char *k : { "tool", "tools" }) {
            if (auto it = e.find(k); it != e.end()) {
                const json list = it->is_array() ? *it : json::array({ *it });
                for (size_t i = 0; i < list.size(); ++i) {
                    const QString p = at + QLatin1Char('/') + QLatin1String(k) + (it->is_array() ? QStringLiteral("/%1").arg(i) : QString());
                    if (!list[i].is_object() || !list[i].contains("name") || !list[i]["name"].is_string())
                        problem(p, QStringLiteral("must be {\"name\": tool, \"arguments\": {…}}"));
                    else if (list[i].contains("arguments") && !list[i]["arguments"].is_object())
                        problem(p + QStringLiteral("/arguments"), QStringLiteral("must be an object"));
                }
            }
        }
        if (auto it = e.find("escalation"); it != e.end()
            && !(it->is_boolean() || (it->is_object() && it->contains("reason") && (*it)["reason"].is_string())))
            problem(at + QStringLiteral("/escalation"), QStringLiteral("must be true, false or {\"reason\": \"…\"}"));
        for (const char *k : { "ended", "noTools" }) {
            if (auto it = e.find(k); it != e.end() && !it->is_boolean())
                problem(at + QLatin1Char('/') + QLatin1String(k), QStringLiteral("must be true or false"));
        }
        if (auto it = e.find("maxSentences"); it != e.end() && (!it->is_number_integer() || it->get<int>() < 1))
            problem(at + QStringLiteral("/maxSentences"), QStringLiteral("must be a whole number of at least 1"));
        if (auto it = e.find("notTool"); it != e.end() && !isTextList(*it))
            problem(at + QStringLiteral("/notTool"), QStringLiteral("must be a tool name or an array of them"));
        if (auto it = e.find("outcome"); it != e.end() && !it->is_string())
            problem(at + QStringLiteral("/outcome"), QStringLiteral("must be a string"));
        if (auto it = e.find("record"); it != e.end() && !it->is_object())
            problem(at + QStringLiteral("/record"), QStringLiteral("must be an object of record fields"));
    }

    static bool isTextList(const json &v)
    {
        if (v.is_string())
            return true;
        if (!v.is_array() || v.empty())
            return false;
        return std::all_of(v.begin(), v.end(), [](const json &x) { return x.is_string(); });
    }

    Scenario scenario(const json &s, const QString &at, int index)
    {
        Scenario out;
        out.file = m_file;
        if (!s.is_object()) {
            problem(at, QStringLiteral("a scenario must be an object"));
            return out;
        }
        keys(s, at, kScenarioKeys);
        out.name = string(s, "name", at);
        if (out.name.isEmpty())
            out.name = QStringLiteral("%1#%2").arg(QFileInfo(m_file).completeBaseName()).arg(index + 1);
        out.agent = string(s, "agent", at, true);
        if (s.contains("brain"))
            out.brain = string(s, "brain", at);
        out.now = string(s, "now", at);
        if (auto it = s.find("seed"); it != s.end()) {
            if (!it->is_number_unsigned())
                problem(at + QStringLiteral("/seed"), QStringLiteral("must be a non-negative whole number"));
            else
                out.seed = it->get<quint64>();
        }
        if (const QString fixture = string(s, "fixture", at); !fixture.isEmpty())
            out.fixture = QFileInfo(fixture).isAbsolute() ? fixture : QFileInfo(m_file).dir().filePath(fixture);
        out.customer = string(s, "customer", at);
        out.order = string(s, "order", at);
        out.cart = string(s, "cart", at);
        out.callerPhone = string(s, "callerPhone", at);
        if (s.contains("channel"))
            out.channel = string(s, "channel", at);
        if (auto it = s.find("vars"); it != s.end()) {
            if (!it->is_object() || !std::all_of(it->begin(), it->end(), [](const json &v) { return v.is_string(); }))
                problem(at + QStringLiteral("/vars"), QStringLiteral("must be an object of strings"));
            else
                out.vars = *it;
        }
        const auto turns = s.find("turns");
        if (turns == s.end() || !turns->is_array() || turns->empty()) {
            problem(at + QStringLiteral("/turns"), QStringLiteral("required: a non-empty array of turns"));
        } else {
            for (size_t i = 0; i < turns->size(); ++i) {
                const json &t = (*turns)[i];
                const QString p = at + QStringLiteral("/turns/%1").arg(i);
                ScenarioTurn turn;
                if (t.is_string()) {
                    turn.user = qs(t.get<std::string>());
                } else if (t.is_object() && t.contains("user") && t["user"].is_string()) {
                    keys(t, p, { QStringLiteral("user"), QStringLiteral("expect") });
                    turn.user = qs(t["user"].get<std::string>());
                    if (t.contains("expect")) {
                        expectations(t["expect"], p + QStringLiteral("/expect"), kTurnExpectKeys);
                        turn.expect = t["expect"];
                    }
                } else {
                    problem(p, QStringLiteral("must be a string or {\"user\": \"…\", \"expect\": {…}}"));
                }
                out.turns << turn;
            }
        }
        if (auto it = s.find("greeting"); it != s.end()) {
            expectations(*it, at + QStringLiteral("/greeting"), kGreetingKeys);
            out.greeting = *it;
        }
        if (auto it = s.find("expect"); it != s.end()) {
            expectations(*it, at + QStringLiteral("/expect"), kCallExpectKeys);
            out.expect = *it;
        }
        return out;
    }

private:
    QString m_file;
    QStringList *m_errors;
};

} // namespace

ScenarioFile readScenarioFile(const QString &path)
{
    ScenarioFile out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.errors << QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return out;
    }
    json doc;
    try {
        doc = json::parse(file.readAll().toStdString());
    } catch (const json::exception &e) { // parse_error, or out_of_range for a number too large
        out.errors << QStringLiteral("%1: not JSON: %2").arg(path, QString::fromUtf8(e.what()));
        return out;
    }
    Reader reader(path, &out.errors);
    QString base;
    json list = doc;
    if (doc.is_object() && doc.contains("scenarios")) {
        list = doc["scenarios"];
        base = QStringLiteral("/scenarios");
        if (!list.is_array())
            reader.problem(base, QStringLiteral("must be an array of scenarios"));
    }
    if (list.is_array()) {
        for (size_t i = 0; i < list.size(); ++i)
            out.scenarios << reader.scenario(list[i], base + QStringLiteral("/%1").arg(i), int(i));
    } else if (list.is_object()) {
        out.scenarios << reader.scenario(list, QString(), 0);
    } else {
        reader.problem(QString(), QStringLiteral("must be a scenario object, an array of them, or {\"scenarios\": [...]}"));
    }
    if (!out.errors.isEmpty())
        out.scenarios.clear();
    return out;
}

QStringList scenarioFiles(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return { path };
    QStringList files;
    QDirIterator it(path, { QStringLiteral("*.json") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        // Fixture files live in fixtures/ folders beside the scenarios that load them.
        if (!file.contains(QLatin1String("/fixtures/")))
            files << file;
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace ringside
