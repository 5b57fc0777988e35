#include "engine/brainfactory.h"

#include "engine/callagent.h"

#include "engine/llmbrain/llmbrainfactory.h"
#include "engine/nlu/analyser.h"
#include "engine/playbookbrain.h"

namespace ringside {

QStringList brainKinds()
{
    return { QStringLiteral("playbook"), QStringLiteral("llm") };
}

Result<std::shared_ptr<const Playbook>> loadAgentPlaybook(const Agent &agent, const QString &agentPath,
                                                          const nlu::Analyser &analyser)
{
    using R = Result<std::shared_ptr<const Playbook>>;
    if (agent.playbook.isEmpty())
        return R::failure(QStringLiteral("agent \"%1\" has no playbook (its \"playbook\" key is not set): add one, or use the llm brain")
                                  .arg(agent.name));
    const QString path = playbookPathFor(agentPath, agent.playbook);
    if (path.isEmpty())
        return R::failure(QStringLiteral("agent \"%1\": playbook \"%2\" is neither beside the agent file nor a shipped playbook")
                                  .arg(agent.name, agent.playbook));
    const PlaybookLoadResult loaded = loadPlaybookFile(path, analyser, agent.tools);
    if (!loaded.ok()) {
        QStringList lines;
        for (const PlaybookIssue &issue : loaded.issues)
            lines << path + QStringLiteral(": ") + formatIssue(issue);
        return R::failure(lines.join(QLatin1Char('\n')));
    }
    return R(loaded.playbook);
}

std::unique_ptr<Brain> createBrain(const QString &kind, const BrainSetup &setup, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::unique_ptr<Brain>();
    };
    if (kind == QLatin1String("llm")) {
        QString why;
        std::unique_ptr<Brain> brain = createLlmBrain(setup.agent, setup.environment, &why);
        return brain ? std::move(brain) : fail(why);
    }
    if (kind != QLatin1String("playbook"))
        return fail(QStringLiteral("unknown brain \"%1\" (known: %2)").arg(kind, brainKinds().join(QStringLiteral(", "))));
    // The playbook brain speaks English and Hindi: an agent in another language goes to the LLM
    // brain, or is refused, so no caller hears a greeting in one language and replies in another.
    if (!playbookSpeaks(setup.agent.language)) {
        QString why;
        std::unique_ptr<Brain> brain = createLlmBrain(setup.agent, setup.environment, &why);
        if (brain)
            return brain;
        return fail(QStringLiteral("agent \"%1\" speaks %2, and the playbook brain speaks only English and Hindi; "
                                   "the LLM brain would take this call but cannot start (%3). Configure the LLM, or call "
                                   "in the agent's own language (ringside-engine chat --language, docs/agent-format.md)")
                            .arg(setup.agent.name, setup.agent.language, why));
    }

    std::shared_ptr<const nlu::Analyser> analyser = setup.analyser;
    if (!analyser) {
        auto built = nlu::Analyser::builtin();
        if (!built.ok())
            return fail(QStringLiteral("the built-in NLU lexicon does not load: %1").arg(built.error()));
        analyser = std::make_shared<const nlu::Analyser>(std::move(built).value());
    }
    std::shared_ptr<const Playbook> playbook = setup.playbook;
    if (!playbook) {
        auto loaded = loadAgentPlaybook(setup.agent, setup.agentPath, *analyser);
        if (!loaded.ok())
            return fail(loaded.error());
        playbook = loaded.value();
    }
    return std::make_unique<PlaybookBrain>(playbook, analyser, setup.variables, setup.agent.language);
}

} // namespace ringside
