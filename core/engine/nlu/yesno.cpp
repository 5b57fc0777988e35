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

// Whether a correction phrase ("wait", "I mean", "ruko") stands in tokens [from, to]. Some are
// clause markers, which cue matching skips, so the stems are compared here directly.
bool correctionBetween(const NormalisedText &t, const CueSet &cues, int from, int to)
{
    for (int c = 0; c < cues.size(); ++c) {
        const Cue &cue = cues.cue(c);
        if (cue.label != QLatin1String("correction"))
            continue;
        const int n = int(cue.stems.size());
        for (int i = from; i + n - 1 <= to; ++i) {
            int k = 0;
            while (k < n && t.at(i + k).stem == cue.stems.at(k))
                ++k;
            if (k == n)
                return true;
        }
    }
    return false;
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
        bool kept; // a reassurance that kept the clause before it a no
    };
    const QList<CueHit> hits = cues.find(text, 0);
    QList<Said> said; // the last answer in each clause that has one
    for (const CueHit &h : hits) {
        const Cue &cue = cues.cue(h.cue);
        const Token &head = text.at(h.first);
        if (cue.stems.size() == 1 && head.isNegator() && !startsClause(text, h.first))
            continue; // "kal nahi": a negator, not an answer
        if (cue.label == QLatin1String("correction"))
            continue;
        const bool settles = cue.label == QLatin1String("settle");
        Answer a = cue.label == QLatin1String("yes") || settles ? Answer::Yes
            : cue.label == QLatin1String("no")                  ? Answer::No
                                                                : Answer::Unsure;
        const bool flipped = h.negated && a == Answer::Yes;
        if (flipped)
            a = Answer::No;
        const int clause = head.clause;
        // "no, it's fine" / "nahi, theek hai": a reassurance after a no keeps the no, unless
        // the caller corrects themselves first ("no wait, okay").
        const bool keepsNo = settles && !flipped && !said.isEmpty() && said.last().clause != clause
            && said.last().answer == Answer::No
            && !correctionBetween(text, cues, said.last().hit->last + 1, h.first);
        if (keepsNo)
            a = Answer::No;
        if (!said.isEmpty() && said.last().clause == clause)
            said.last() = {a, clause, &h, flipped, keepsNo};
        else
            said.append({a, clause, &h, flipped, keepsNo});
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
    if (last.kept) { // the no that the reassurance kept is the answer the caller gave
        qsizetype n = said.size() - 2;
        while (n > 0 && said.at(n).kept)
            --n;
        out.cue = cues.cue(said.at(n).hit->cue).phrase;
        out.heard = text.quote(said.at(n).hit->first, last.hit->last);
    }
    // Plain cues are clear; a correction or a negated yes leaves more room for doubt.
    out.confidence = last.flipped ? 0.7 : (out.corrected ? 0.75 : (last.kept ? 0.8 : 0.9));
    if (last.answer == Answer::Unsure)
        out.confidence = qMin(out.confidence, 0.8);
    return out;
}

} // namespace ringside::nlu
