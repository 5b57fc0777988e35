#include "engine/llmbrain/llmbrainfactory.h"

#include "agent/agentschema.h"
#include "engine/llm/llmfactory.h"

namespace ringside {

std::unique_ptr<LlmBrain> createLlmBrain(const Agent &agent, const QProcessEnvironment &env, QString *error,
                                         const LlmBrainOptions &options)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::unique_ptr<LlmBrain>();
    };
    if (agent.llmProvider.compare(embeddedProvider(), Qt::CaseInsensitive) == 0) {
        return fail(QStringLiteral("llmProvider: \"%1\" has no language model (it runs the playbook brain); "
                                   "the LLM brain needs one of: %2")
                        .arg(agent.llmProvider, remoteLlmProviders().join(QStringLiteral(", "))));
    }
    if (agent.llmModel.trimmed().isEmpty())
        return fail(QStringLiteral("llmModel: empty; name the model the server runs (e.g. qwen2.5:7b for Ollama, "
                                   "gemini-2.5-flash-lite for Gemini)"));
    QString clientError;
    std::unique_ptr<LlmClient> client = createLlmClient(agent.llmProvider, env, &clientError);
    if (!client)
        return fail(clientError);
    return std::make_unique<LlmBrain>(agent, std::move(client), options);
}

std::unique_ptr<LlmBrain> createLlmBrain(const Agent &agent, QString *error, const LlmBrainOptions &options)
{
    return createLlmBrain(agent, QProcessEnvironment::systemEnvironment(), error, options);
}

} // namespace ringside
