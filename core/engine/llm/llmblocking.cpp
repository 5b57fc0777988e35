#include "engine/llm/llmblocking.h"

#include <QEventLoop>

namespace ringside {

LlmOutcome runLlmBlocking(LlmClient &client, const LlmRequest &request,
                          const std::function<void(const QString &)> &onDelta)
{
    LlmOutcome outcome = LlmOutcome::failure(
        LlmError::make(LlmError::InvalidRequest, QStringLiteral("the client is already running a request")));
    QEventLoop loop;
    QObject scope; // disconnects the lambdas when this function returns
    if (onDelta)
        QObject::connect(&client, &LlmClient::textDelta, &scope, [&](const QString &text) { onDelta(text); });
    QObject::connect(&client, &LlmClient::finished, &scope, [&](const LlmResponse &response) {
        outcome = LlmOutcome::success(response);
        loop.quit();
    });
    QObject::connect(&client, &LlmClient::failed, &scope, [&](const LlmError &error) {
        outcome = LlmOutcome::failure(error);
        loop.quit();
    });
    if (!client.start(request))
        return outcome;
    // The client's own timeouts bound the wait (set totalMs if a hard limit matters).
    loop.exec();
    return outcome;
}

} // namespace ringside
