#include "engine/llmbrain/conversationhistory.h"

#include "engine/llmbrain/spokentext.h"

#include <algorithm>

namespace ringside {

void ConversationHistory::addUser(const QString &text)
{
    for (auto it = m_messages.rbegin(); it != m_messages.rend(); ++it) {
        if (it->role == LlmRole::System)
            continue;
        if (it->role == LlmRole::User) {
            it->text += QLatin1Char('\n') + text;
            return;
        }
        break;
    }
    m_messages.push_back(LlmMessage::user(text));
}

void ConversationHistory::addReply(LlmMessage reply, const QString &spoken)
{
    if (reply.toolCalls.empty() && normalizedWords(reply.text) != normalizedWords(spoken)) {
        reply.text = spoken;
        reply.providerData = json();
    }
    if (reply.text.isEmpty() && reply.toolCalls.empty())
        return; // nothing said and nothing asked: not a turn worth keeping
    m_messages.push_back(std::move(reply));
}

void ConversationHistory::addSpokenLine(const QString &text)
{
    m_messages.push_back(LlmMessage::assistant(text));
}

void ConversationHistory::addToolResult(const LlmToolCall &call, const json &result)
{
    m_messages.push_back(LlmMessage::toolResultFor(call, result));
}

void ConversationHistory::addNote(const QString &text)
{
    m_messages.push_back(LlmMessage::system(text));
}

bool ConversationHistory::cutLastReplyTo(const QString &heard)
{
    size_t first = 0;
    for (size_t i = m_messages.size(); i > 0; --i) {
        if (m_messages[i - 1].role == LlmRole::User) {
            first = i;
            break;
        }
    }
    // The reply's texts end to end, with where each message's text starts.
    struct Span { size_t index; qsizetype start; };
    std::vector<Span> spans;
    QString whole;
    for (size_t i = first; i < m_messages.size(); ++i) {
        const LlmMessage &m = m_messages[i];
        if (m.role != LlmRole::Assistant || m.text.isEmpty())
            continue;
        if (!whole.isEmpty())
            whole += QLatin1Char(' ');
        spans.push_back({i, whole.size()});
        whole += m.text;
    }
    if (spans.empty())
        return false;

    const qsizetype heardLength = heardPrefixLength(whole, heard);
    std::vector<size_t> emptied;
    for (const Span &span : spans) {
        LlmMessage &m = m_messages[span.index];
        const qsizetype keep = std::clamp(heardLength - span.start, qsizetype(0), m.text.size());
        if (keep == m.text.size())
            continue;
        m.text = m.text.left(keep).trimmed();
        m.providerData = json();
        if (m.text.isEmpty() && m.toolCalls.empty())
            emptied.push_back(span.index);
    }
    for (auto it = emptied.rbegin(); it != emptied.rend(); ++it)
        m_messages.erase(m_messages.begin() + qsizetype(*it));
    return true;
}

int ConversationHistory::userTurns() const
{
    int turns = 0;
    for (const LlmMessage &m : m_messages)
        turns += m.role == LlmRole::User ? int(m.text.count(QLatin1Char('\n'))) + 1 : 0;
    return turns;
}

QString ConversationHistory::firstUserText() const
{
    for (const LlmMessage &m : m_messages) {
        if (m.role == LlmRole::User)
            return m.text.section(QLatin1Char('\n'), 0, 0);
    }
    return {};
}

QString ConversationHistory::lastUserText() const
{
    for (auto it = m_messages.rbegin(); it != m_messages.rend(); ++it) {
        if (it->role == LlmRole::User)
            return it->text.section(QLatin1Char('\n'), -1);
    }
    return {};
}

} // namespace ringside
