#pragma once
// Which agent, in which language, on which brain a call runs. The playbook brain speaks English
// and Hindi only (its texts and the tools' messages exist in those two); the LLM brain speaks any
// language its agent is written in. A call asked for in another language (mr-IN, ta-IN, kn-IN,
// gu-IN, bn-IN, ml-IN, te-IN) therefore goes to the agent's variant for that language on the LLM
// brain when an LLM is configured, and otherwise runs whole in the agent's own language on the
// playbook brain — never a greeting in one language and replies in another. For the same reason a
// variant in English or Hindi runs on the playbook brain only when its playbook has every text in
// that language (the four English agents' playbooks have no Hindi texts).

#include "agent/agentcatalogue.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ringside {

// The languages the playbook brain speaks (primary subtags): "en", "hi".
QStringList playbookLanguages();
// Whether the playbook brain can hold a call in `language` ("en-IN", "hi-IN" yes; "ta-IN" no).
bool playbookSpeaks(const QString &language);

// Whether an LLM brain could run `agent` with this environment; *why says what is missing.
bool llmConfigured(const Agent &agent, const QProcessEnvironment &env, QString *why = nullptr);

// Where the playbook of `variant` lacks a text in the variant's language (a JSON pointer and the
// file), or empty when every text has one. Plain texts are in `writtenIn`, the language of the
// agent the playbook was written for.
QString playbookTextMissing(const CatalogueEntry &variant, const QString &writtenIn);

struct CallAgent
{
    CatalogueEntry entry;  // the agent (or its variant) that runs the call
    QString brainKind;     // "playbook" or "llm"
    QString language;      // the language the call is held in
    QString note;          // for the operator and logs when the choice differs from what was asked
};

// `agent` in `language` (empty: its own) on `brainKind` ("playbook" or "llm"), following the
// rules above. Campaigns call this with the customer's language.
CallAgent agentForCall(const AgentCatalogue &catalogue, const CatalogueEntry &agent, const QString &language,
                       const QString &brainKind, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

} // namespace ringside
