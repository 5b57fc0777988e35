#include "engine/llmbrain/replyspeaker.h"

#include "engine/llmbrain/spokentext.h"
#include "tools/speechformat.h"
#include "util/sentences.h"

namespace ringside {

namespace {

bool opensStructuredText(const QString &text, qsizetype at)
{
    const QChar c = text.at(at);
    return c == u'{' || c == u'[' || c == u'<' || QStringView(text).mid(at).startsWith(u"```");
}

} // namespace

ReplySpeaker::ReplySpeaker(int maxSentences)
    : m_maxSentences(maxSentences)
{
}

void ReplySpeaker::beginTurn()
{
    m_turnSentences = 0;
    beginRound();
}

void ReplySpeaker::beginRound()
{
    m_previousAttempt.clear();
    beginAttempt();
}

void ReplySpeaker::beginAttempt()
{
    m_raw.clear();
    m_pos = 0;
    m_holdFrom = -1;
    m_spoken.clear();
    m_dropped = false;
    m_repeatIndex = 0;
    m_repeating = true;
}

void ReplySpeaker::abandonAttempt()
{
    // Keep the longer record: a second failure may have said less than the first.
    if (m_spoken.size() > m_previousAttempt.size())
        m_previousAttempt = m_spoken;
    beginAttempt();
}

QStringList ReplySpeaker::feed(const QString &delta)
{
    m_raw += delta;
    return drain(false);
}

QStringList ReplySpeaker::finish()
{
    return drain(true);
}

QStringList ReplySpeaker::drain(bool atEnd)
{
    QStringList out;
    while (m_holdFrom < 0) {
        qsizetype start = m_pos;
        while (start < m_raw.size() && m_raw.at(start).isSpace())
            ++start;
        if (start >= m_raw.size())
            break;
        // A reply (or a sentence) that opens like JSON, a tag or code: hold it all until the end.
        if (opensStructuredText(m_raw, start)) {
            m_holdFrom = start;
            break;
        }
        const qsizetype end = findSentenceEnd(m_raw, start, atEnd);
        if (end < 0)
            break;
        const QString piece = stripMarkdown(m_raw.mid(start, end - start));
        if (looksLikeMachineText(piece)) {
            m_holdFrom = start;
            break;
        }
        m_pos = end;
        offer(spellIdsIn(piece), &out);
    }
    if (m_holdFrom >= 0 && atEnd) {
        const QString prose = removeMachineBlocks(m_raw.mid(m_holdFrom));
        m_dropped = true; // something structured was there
        qsizetype pos = 0;
        while (pos < prose.size()) {
            const qsizetype end = findSentenceEnd(prose, pos, true);
            if (end < 0)
                break;
            const QString piece = stripMarkdown(prose.mid(pos, end - pos));
            pos = end;
            if (!looksLikeMachineText(piece))
                offer(spellIdsIn(piece), &out);
        }
        m_holdFrom = -1;
        m_pos = m_raw.size();
    }
    return out;
}

void ReplySpeaker::offer(const QString &piece, QStringList *out)
{
    if (normalizedWords(piece).isEmpty())
        return; // punctuation only
    if (m_repeating) {
        if (m_repeatIndex < m_previousAttempt.size()
            && normalizedWords(m_previousAttempt.at(m_repeatIndex)) == normalizedWords(piece)) {
            ++m_repeatIndex;
            m_spoken << piece; // heard during the failed attempt; part of this reply all the same
            return;
        }
        m_repeating = false;
    }
    if (m_turnSentences >= m_maxSentences) {
        m_dropped = true;
        return;
    }
    ++m_turnSentences;
    m_spoken << piece;
    *out << piece;
}

} // namespace ringside
