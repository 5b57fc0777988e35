#pragma once
// A loaded playbook (docs/playbook-format.md): the validated document, kept as JSON for the
// interpreter to walk, plus what is compiled once and shared by every session that runs it
// (its intents, settings). Immutable after loading; share it with std::shared_ptr<const Playbook>.

#include "agent/jsonreader.h"
#include "engine/nlu/intentmatcher.h"
#include "engine/nlu/orderid.h"
#include "engine/nlu/dates.h"
#include "util/jsonqt.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace ringside {

namespace nlu {
class Analyser;
}

struct PlaybookSettings
{
    int maxRetries = 2;
    QString defaultOutcome = QStringLiteral("failed");
    std::optional<nlu::OrderIdPattern> orderIdPattern; // unset: from the store's orderIdFormat
    QString phoneCountry = QStringLiteral("IN");
    bool dayFirst = true;
    nlu::TimeDirection dateDirection = nlu::TimeDirection::Future;
};

struct Playbook
{
    QString name;
    QString path;        // where it was loaded from; empty for bytes
    QString start;
    PlaybookSettings settings;
    json steps = json::object();
    json routines = json::object();
    json anywhere = json::array();
    json begin = json::array();
    json texts = json::object();
    nlu::IntentMatcher intents;
    QHash<QString, QStringList> phrases; // the playbook's intents' phrases, for speech adaptation
    // Per step, what it listens for, handed to the NLU (AnalysisContext): the intents its own rules
    // name (nested branches and the routines they run included, `anywhere` not), and where each intent's first rule stands
    // in the order the brain tries them there (built-in handlers, `anywhere`, the step's rules).
    struct Listening
    {
        QStringList own;
        QHash<QString, int> firstSure;     // the first rule that fires whenever the intent is heard
        QHash<QString, int> firstPossible; // the first rule that may fire on it
    };
    QHash<QString, Listening> listening;

    // The step object, or nullptr.
    const json *step(const QString &name) const;
    const json *routine(const QString &name) const;
};

using PlaybookIssue = JsonIssue;

struct PlaybookLoadResult
{
    std::shared_ptr<const Playbook> playbook; // null when there are issues
    QList<PlaybookIssue> issues;              // every problem, each with its JSON pointer
    bool ok() const { return playbook != nullptr; }
};

// Parses and validates. `analyser` compiles the playbook's intents and knows the built-in intent
// names a rule may use; `agentTools`, when not empty, are the tools the agent may call — a call
// or escalation needing another tool is an issue.
PlaybookLoadResult loadPlaybook(const QByteArray &bytes, const nlu::Analyser &analyser,
                                const QStringList &agentTools = {}, const QString &path = {});
PlaybookLoadResult loadPlaybookFile(const QString &path, const nlu::Analyser &analyser,
                                    const QStringList &agentTools = {});

// Every problem of a playbook file on its own (tools checked against the catalogue, not an agent),
// for `ringside-engine validate`. Builds the built-in analyser for the check.
QList<PlaybookIssue> checkPlaybookFile(const QString &path);

// Where an agent's playbook is: `playbookName` relative to the agent file, else the shipped
// playbook of that name (so a copied agent keeps its behaviour). Empty when neither exists.
QString playbookPathFor(const QString &agentPath, const QString &playbookName);

// Whether a file name is a playbook (*.playbook.json).
bool isPlaybookFileName(const QString &fileName);

} // namespace ringside
