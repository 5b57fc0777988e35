#pragma once
// The guards of the LLM brain, with defaults for a phone line (docs/llm-brain.md explains each).

namespace ringside {

struct LlmBrainOptions
{
    int maxToolRoundsPerTurn = 4;   // rounds that ran tools; then one more round asks for words only
    int turnBudgetMs = 2500;        // silence in a turn before the caller hears the holding line (once)
    int hardTurnTimeoutMs = 15000;  // the turn fails after this long, whatever is running
    int streamIdleMs = 8000;        // longest pause inside a streamed answer before it is a timeout
    int maxConsecutiveFailures = 2; // failed turns in a row that hand the call to a person
    int maxRetriesPerRound = 2;     // retries of a retryable failure (5xx, timeout, malformed, network)
    int retryBaseDelayMs = 250;     // first retry waits this long, doubling each time
    int retryMaxDelayMs = 2000;     // a server asking to wait longer (Retry-After) is not retried
    int maxSpokenSentences = 3;     // per user turn; the prompt asks for fewer, this is the hard stop
    int maxTokens = 0;              // per model answer; 0 leaves the server's default
};

} // namespace ringside
