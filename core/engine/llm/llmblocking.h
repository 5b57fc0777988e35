#pragma once
// Runs one request to its end on a local event loop, for the command line and tests.
// Never call it on the UI thread: the loop keeps events flowing but the caller waits.

#include "engine/llm/llmclient.h"

#include <functional>

namespace ringside {

// `onDelta` hears streamed text as it arrives. A busy client gives an InvalidRequest error.
LlmOutcome runLlmBlocking(LlmClient &client, const LlmRequest &request,
                          const std::function<void(const QString &)> &onDelta = {});

} // namespace ringside
