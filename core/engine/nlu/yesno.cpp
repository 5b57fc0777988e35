#include "engine/nlu/yesno.h"

namespace ringside::nlu {

QString answerName(Answer answer)
{
    switch (answer) {
    case Answer::Yes: return QStringLiteral("yes");
    case Answer::No: return QStringLiteral("no");
    case Answer::Unsure: return QStringLiteral("unsure");
    case Answer::Unknown: break;
    }
    return QStringLiteral("unknown");
}

namespace {

bool startsClause(const NormalisedText &t, int index)
{
    for (int j = index - 1; j >= 0 && t.at(j).clause == t.at(index).clause; --j) {
        if (!t.at(j).marker)
            return false;
    }
    return true;
}

} // namespace

YesNo extractYesNo(const NormalisedText &text, const CueSet &cues)
{
    struct Said
    {
        Answer answer;
        int clause;
        const CueHit *hit;
        bool flipped;
    };
    const QList<CueHit> hits = cues.find(text, 0);
    QList<Said> said; // the last answer in each clause that has one
    for (const CueHit &h : hits) {
        const Cue &cue = cues.cue(h.cue);
        const Token &head = text.at(h.first);
        if (cue.stems.size() == 1 && head.isNegator() && !startsClause(text, h.first))
            continue; // "kal nahi": a negator, not an answer
        Answer a = cue.label == QLatin1String("yes") ? Answer::Yes
            : cue.label == QLatin1String("no")       ? Answer::No
                                                     : Answer::Unsure;
        const bool flipped = h.negated && a == Answer::Yes;
        if (flipped)
            a = Answer::No;
        const int clause = head.clause;
        if (!said.isEmpty() && said.last().clause == clause)
            said.last() = {a, clause, &h, flipped};
        else
            said.append({a, clause, &h, flipped});
    }
    YesNo out;
    if (said.isEmpty())
        return out;
    const Said &last = said.last();
    out.answer = last.answer;
    out.cue = cues.cue(last.hit->cue).phrase;
    out.heard = text.quote(last.hit->first, last.hit->last);
    for (const Said &s : std::as_const(said))
        out.corrected = out.corrected || s.answer != last.answer;
    // Plain cues are clear; a correction or a negated yes leaves more room for doubt.
    out.confidence = last.flipped ? 0.7 : (out.corrected ? 0.75 : 0.9);
    if (last.answer == Answer::Unsure)
        out.confidence = qMin(out.confidence, 0.8);
    return out;
}

} // namespace ringside::nlu
