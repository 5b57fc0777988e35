#pragma once
// Turns a streamed model reply into sentences a caller may hear, as they complete, so the first
// sentence is spoken while the model is still writing the rest.
//
// - Markdown is removed; structured text (JSON, tags, code, snake_case names) is never spoken:
//   from the first such piece on, the rest of the reply is held and, at the end, spoken only
//   with those blocks taken out.
// - At most `maxSentences` per user turn (across tool rounds); the rest is dropped.
// - When an attempt fails after speaking and the same round is retried, sentences the caller
//   already heard are not said again if the retry opens with them.

#include <QString>
#include <QStringList>

namespace ringside {

class ReplySpeaker
{
public:
    explicit ReplySpeaker(int maxSentences = 3);

    void beginTurn();      // a new user turn: the sentence allowance starts again
    void beginRound();     // a new request after tool results: nothing to de-duplicate
    void beginAttempt();   // a request (first try or retry) is about to stream
    // The attempt failed: remember what it said so a retry does not repeat it.
    void abandonAttempt();

    // Sentences to say now.
    QStringList feed(const QString &delta);
    // The reply is complete: the sentences still to say.
    QStringList finish();

    // What the caller heard (or is hearing) of this attempt, sentences joined by spaces.
    QString spokenText() const { return m_spoken.join(u' '); }
    // What the caller heard of this round: this attempt's sentences, or a failed attempt's.
    QString heardThisRound() const
    {
        return m_spoken.isEmpty() ? m_previousAttempt.join(u' ') : spokenText();
    }
    // Whether anything of the reply was left unsaid (sentence cap, structured text).
    bool dropped() const { return m_dropped; }
    int sentencesThisTurn() const { return m_turnSentences; }

private:
    QStringList drain(bool atEnd);
    void offer(const QString &piece, QStringList *out);

    int m_maxSentences;
    int m_turnSentences = 0;
    QString m_raw;           // this attempt's text so far
    qsizetype m_pos = 0;     // how far m_raw has been turned into sentences
    qsizetype m_holdFrom = -1; // where structured text began; -1 while the reply is plain prose
    QStringList m_spoken;    // this attempt's sentences the caller hears
    bool m_dropped = false;
    QStringList m_previousAttempt; // what a failed attempt of this round said
    qsizetype m_repeatIndex = 0;   // how many of those this attempt has opened with
    bool m_repeating = true;
};

} // namespace ringside
