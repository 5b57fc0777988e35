#include "engine/nlu/reasons.h"

#include <QHash>

namespace ringside::nlu {

QString reasonSetName(ReasonSet set)
{
    switch (set) {
    case ReasonSet::Cancellation: return QStringLiteral("cancellation");
    case ReasonSet::Abandonment: return QStringLiteral("abandonment");
    case ReasonSet::Return: return QStringLiteral("return");
    }
    return {};
}

QStringList reasonCodes(ReasonSet set)
{
    switch (set) {
    case ReasonSet::Cancellation:
        return {QStringLiteral("changed_mind"), QStringLiteral("found_cheaper"), QStringLiteral("delivery_too_slow"),
                QStringLiteral("wrong_item"), QStringLiteral("other")};
    case ReasonSet::Abandonment:
        return {QStringLiteral("price_too_high"), QStringLiteral("shipping_cost"), QStringLiteral("payment_issues"),
                QStringLiteral("found_cheaper"), QStringLiteral("just_browsing"), QStringLiteral("not_ready"),
                QStringLiteral("other")};
    case ReasonSet::Return:
        return {QStringLiteral("damaged"), QStringLiteral("wrong_item"), QStringLiteral("not_as_described"),
                QStringLiteral("size_issue"), QStringLiteral("quality_issue"), QStringLiteral("changed_mind")};
    }
    return {};
}

QString fallbackReason(ReasonSet set)
{
    return set == ReasonSet::Return ? QString() : QStringLiteral("other");
}

ReasonMatch classifyReason(const NormalisedText &text, const CueSet &cues, ReasonSet set)
{
    ReasonMatch out;
    out.reason = fallbackReason(set);
    struct Score
    {
        double total = 0.0;
        double best = 0.0;
        int cue = -1;
        int first = 0;
        int last = 0;
    };
    QHash<QString, Score> scores;
    QStringList order; // first-heard order, so ties go to the reason mentioned first
    for (const CueHit &h : cues.find(text, 2)) {
        const Cue &cue = cues.cue(h.cue);
        if (h.negated) {
            if (!out.negated.contains(cue.label))
                out.negated.append(cue.label);
            continue;
        }
        // One word: 0.7; two: 0.85; three or more: 0.95; less for words skipped inside.
        const qsizetype words = cue.stems.size();
        const double strength = (words >= 3 ? 0.95 : words == 2 ? 0.85 : 0.7) * cue.weight - 0.05 * h.gaps;
        Score &s = scores[cue.label];
        if (!order.contains(cue.label))
            order.append(cue.label);
        s.total += strength;
        if (strength > s.best) {
            s.best = strength;
            s.cue = h.cue;
            s.first = h.first;
            s.last = h.last;
        }
    }
    for (const QString &code : std::as_const(out.negated)) {
        if (scores.contains(code))
            out.negated.removeAll(code); // also heard affirmed
    }
    if (scores.isEmpty())
        return out;

    // A reason heard twice counts a little more than once; never above its best plus 0.1.
    auto valueOf = [](const Score &s) { return qMin(1.0, qMin(s.total, s.best + 0.1)); };
    QString top, second;
    for (const QString &code : std::as_const(order)) {
        const double v = valueOf(scores.value(code));
        if (top.isEmpty() || v > valueOf(scores.value(top))) {
            second = top;
            top = code;
        } else if (second.isEmpty() || v > valueOf(scores.value(second))) {
            second = code;
        }
    }
    const Score &best = scores.value(top);
    const double topValue = valueOf(best);
    const double secondValue = second.isEmpty() ? 0.0 : valueOf(scores.value(second));
    out.reason = top;
    // A competing reason pulls confidence down in proportion to how close it came.
    out.confidence = qBound(0.05, topValue * (1.0 - 0.5 * secondValue / topValue), 1.0);
    out.cue = cues.cue(best.cue).phrase;
    out.heard = text.quote(best.first, best.last);
    out.first = best.first;
    out.last = best.last;
    out.runnerUp = second;
    out.runnerUpConfidence = secondValue;
    return out;
}

} // namespace ringside::nlu
