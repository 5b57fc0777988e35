#include "engine/callagent.h"

#include "engine/llm/llmfactory.h"
#include "engine/playbook.h"
#include "engine/playbooktextlanguage.h"

#include <QFileInfo>

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

QString playbookTextMissing(const CatalogueEntry &variant, const QString &writtenIn)
{
    if (variant.agent.playbook.isEmpty())
        return QStringLiteral("/ (the variant names no playbook)");
    const QString path = playbookPathFor(variant.path, variant.agent.playbook);
    if (path.isEmpty())
        return QStringLiteral("/ (playbook \"%1\" not found)").arg(variant.agent.playbook);
    const QString missing = playbook::firstTextMissingInFile(path, variant.agent.language, writtenIn);
    return missing.isEmpty() ? QString() : QStringLiteral("%1 of %2").arg(missing, QFileInfo(path).fileName());
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
    if (brainKind != QLatin1String("playbook"))
        return out;
    QString why;
    if (playbookSpeaks(variant.agent.language)) {
        // A variant in English or Hindi runs on the playbook brain only when its playbook has every
        // text in that language; otherwise it would greet in one language and answer in another.
        // (A variant file with problems is refused by whoever reads its issues, with those.)
        const bool check = found && variant.issues.isEmpty();
        const QString missing = check ? playbookTextMissing(variant, agent.agent.language) : QString();
        if (missing.isEmpty())
            return out;
        why = QStringLiteral("its playbook has no %1 text at %2").arg(variant.agent.language, missing);
        if (llmConfigured(variant.agent, env)) {
            out.brainKind = QStringLiteral("llm");
            out.note = QStringLiteral("the %1 variant of \"%2\" goes to the LLM brain: %3")
                               .arg(variant.agent.language, agent.agent.name, why);
            return out;
        }
        out.entry = agent;
        out.language = agent.agent.language;
        out.note = QStringLiteral("the %1 variant of \"%2\" cannot run on the playbook brain (%3) and no LLM is configured; "
                                  "the call runs in the agent's own language, %4")
                           .arg(variant.agent.language, agent.agent.name, why, agent.agent.language);
        return out;
    }

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
