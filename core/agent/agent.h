#pragma once
// An agent file: the seed's {"agent": {...}} JSON, plus Ringside's named additions
// (useCase, tools, variables, playbook). docs/agent-format.md describes every field.
//
// Typed fields hold what the engine uses (defaults for omitted or invalid values); `document`
// keeps the file as read, so unknown keys and key order survive a save. On save a field is
// written only when its typed value differs from what the document already says: an untouched
// file comes back byte for byte, and an invalid value the user has not replaced is kept, not lost.

#include "agent/agentschema.h"
#include "agent/jsonreader.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ringside {

// One entry of sttConfig.keywords: "word:boost", or a bare "word" (boost 1, the providers'
// neutral default; hasBoost false so it is written back without one).
struct KeywordBoost {
    QString word;
    double boost = agentdefaults::keywordBoost;
    bool hasBoost = false;

    QString toString() const;
    bool operator==(const KeywordBoost &) const = default;
};

// Parses one keywords entry. The word may contain spaces; the boost is after the last ':' and
// must be a number in -10..10. On failure returns false with *error saying what is wrong.
bool parseKeyword(const QString &text, KeywordBoost *out, QString *error);

// A declared template variable (agent.variables.<name>).
struct TemplateVariable {
    QString name;
    QString description;
    QString defaultValue;
    bool hasDefault = false;

    bool operator==(const TemplateVariable &) const = default;
};

// agent.callerVerification: how an inbound caller whose number is not the order's phone proves
// they are the customer before hearing more than the order's status (docs/agent-format.md).
struct CallerVerificationSettings {
    bool required = false;
    QStringList methods = callerVerificationMethods();   // the agent asks for the first
    int maxAttempts = agentdefaults::verificationAttempts;

    bool operator==(const CallerVerificationSettings &) const = default;
};

struct Agent {
    QString name;
    AgentType type = agentdefaults::type;
    QString language = agentdefaults::language();
    UseCase useCase = agentdefaults::useCase;

    QString llmProvider = embeddedProvider();
    QString llmModel;                          // empty: the provider's default model
    double llmTemperature = agentdefaults::llmTemperature;

    QString sttProvider = embeddedProvider();
    QString sttModel;                          // empty: the provider's default model
    int endpointingMs = agentdefaults::endpointingMs;
    bool interimResults = agentdefaults::interimResults;
    QList<KeywordBoost> keywords;

    QString ttsProvider = embeddedProvider();
    QString ttsVoice;                          // empty: the provider's default voice for `language`
    double ttsSpeed = agentdefaults::ttsSpeed;

    QString greetingMessage;
    bool allowInterruptions = agentdefaults::allowInterruptions;
    QString prompt;

    QStringList tools;                         // tool names the agent may call
    QList<TemplateVariable> variables;         // declared beyond the built-in ones
    QString playbook;                          // relative to the agent file; empty: none
    CallerVerificationSettings callerVerification;

    ordered_json document = ordered_json::object();   // the whole file as read

    bool operator==(const Agent &) const = default;
};

// A problem found in an agent file (see agent/jsonreader.h).
using AgentIssue = JsonIssue;

struct AgentLoadResult {
    Agent agent;               // always filled as far as the file allows
    QList<AgentIssue> issues;  // every problem, not just the first
    bool ok() const { return issues.isEmpty(); }
};

// `knownTools`: the tool names the caller can run; empty accepts any well-formed name.
AgentLoadResult loadAgent(const QByteArray &bytes, const QStringList &knownTools = {});
AgentLoadResult loadAgentFile(const QString &path, const QStringList &knownTools = {});

// Validates the agent as it would be saved (typed fields merged into the document).
QList<AgentIssue> validateAgent(const Agent &agent, const QStringList &knownTools = {});

// The document with the typed fields merged in (see the note at the top of this file).
ordered_json agentDocument(const Agent &agent);
// 2-space indented UTF-8 JSON with a final newline, keys in their original order, new keys last.
QByteArray saveAgent(const Agent &agent);

// Template values for this agent: declared defaults, overridden by `supplied`.
QHash<QString, QString> templateValues(const Agent &agent, const QHash<QString, QString> &supplied);

} // namespace ringside
