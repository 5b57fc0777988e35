#pragma once
// The messages an LLM brain sends with every request, kept true to what the caller heard:
// replies cut by a barge-in or by the sentence cap are stored as spoken, operator guidance and
// interruption notes are system messages (never spoken), and consecutive user messages are
// merged so providers that want user and model turns to alternate (Gemini) accept the history.

#include "engine/llm/llmtypes.h"

#include <QString>

#include <vector>

namespace ringside {

class ConversationHistory
{
public:
    const std::vector<LlmMessage> &messages() const { return m_messages; }
    bool isEmpty() const { return m_messages.empty(); }

    // Caller words. A user message right after another user message (nothing answered in
    // between, e.g. a turn cut short) is merged into it.
    void addUser(const QString &text);
    // A model reply as received; `spoken` is what the caller heard of its text. When the two
    // differ in words the stored text becomes `spoken` and providerData is dropped (it would
    // describe text that was never said). Replies carrying tool calls keep the model's own
    // content so a provider's signatures stay valid.
    void addReply(LlmMessage reply, const QString &spoken);
    // A line the brain said on its own (holding line excluded): apology, fallback, goodbye.
    void addSpokenLine(const QString &text);
    void addToolResult(const LlmToolCall &call, const json &result);
    void addNote(const QString &text); // a system message

    // The caller interrupted the last reply and heard only `heard`: every assistant text since
    // the last user message is cut to what was heard (texts that become empty are removed unless
    // they carry tool calls). Returns false when there was no reply text to cut.
    bool cutLastReplyTo(const QString &heard);

    int userTurns() const;
    QString firstUserText() const;
    QString lastUserText() const;

private:
    std::vector<LlmMessage> m_messages;
};

} // namespace ringside
