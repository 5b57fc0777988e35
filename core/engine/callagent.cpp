#include "engine/callagent.h"

#include "engine/llm/llmfactory.h"

namespace ringside {

QStringList playbookLanguages()
{
    return { QStringLiteral("en"), QStringLiteral("hi") };
}

bool playbookSpeaks(const QString &language)
{
    return playbookLanguages().contains(language.section(QLatin1Char('-'), 0, 0).toLower());
}

bool llmConfigured(const Agent &agent, const QProcessEnvironment &env, QString *why)
{
    if (agent.llmProvider.compare(embeddedProvider(), Qt::CaseInsensitive) == 0) {
        if (why)
            *why = QStringLiteral("the agent's llmProvider is \"embedded\"");
        return false;
    }
    QString error;
    if (!llmOptionsFromEnvironment(agent.llmProvider, env, &error)) {
        if (why)
            *why = error;
        return false;
    }
    return true;
}

CallAgent agentForCall(const AgentCatalogue &catalogue, const CatalogueEntry &agent, const QString &language,
                       const QString &brainKind, const QProcessEnvironment &env)
{
    CallAgent out;
    bool found = false;
    const CatalogueEntry variant = catalogue.variantFor(agent, language, &found);
    const QString wanted = language.trimmed();
    if (!wanted.isEmpty() && !found) {
        out.note = QStringLiteral("agent \"%1\" has no %2 variant (it has: %3); the call runs in %4")
                           .arg(agent.agent.name, wanted,
                                catalogue.variantLanguages(agent).join(QStringLiteral(", ")), agent.agent.language);
    }
    out.entry = variant;
    out.brainKind = brainKind;
    out.language = variant.agent.language;
    if (brainKind != QLatin1String("playbook") || playbookSpeaks(variant.agent.language))
        return out;

    QString why;
    if (llmConfigured(variant.agent, env, &why)) {
        out.brainKind = QStringLiteral("llm");
        out.note = QStringLiteral("the playbook brain speaks English and Hindi; this %1 call goes to the LLM brain")
                           .arg(variant.agent.language);
        return out;
    }
    // No LLM: the whole call in the agent's own language, which the playbook brain speaks.
    out.entry = agent;
    out.language = agent.agent.language;
    out.note = QStringLiteral("the playbook brain speaks English and Hindi and no LLM is configured for %1 (%2); "
                              "the call runs in the agent's own language, %3")
                       .arg(variant.agent.language, why, agent.agent.language);
    return out;
}

} // namespace ringside
