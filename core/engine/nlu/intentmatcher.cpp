#include "engine/nlu/intentmatcher.h"

#include "engine/nlu/lexiconreader.h"

#include <QVarLengthArray>

#include <algorithm>

namespace ringside::nlu {

namespace {

enum Kind { PhraseKind = 0, KeywordKind = 1 };

double exactScore(int kind, qsizetype words, int gaps)
{
    double base = 0.75;
    if (kind == PhraseKind)
        base = words >= 3 ? 1.0 : (words == 2 ? 0.9 : 0.8);
    return qMax(0.0, base - 0.05 * gaps);
}

struct Tally
{
    double best = 0.0;
    double negatedBest = 0.0;
    int hits = 0;
    QString matched;
    QString negatedMatched;
    int first = -1;
    int last = -1;
    bool partial = false;

    void add(double score, const QString &phrase, bool negated, int from, int to, bool fromPartial)
    {
        if (negated) {
            if (score > negatedBest) {
                negatedBest = score;
                negatedMatched = phrase;
            }
            return;
        }
        ++hits;
        // Of equal hits the later one stands for the intent: it is what a tie is decided by.
        if (score > best || (score == best && to > last)) {
            best = score;
            matched = phrase;
            first = from;
            last = to;
            partial = fromPartial;
        }
    }
};

// Of two intents with the same score, whether `a` is the better reading than `b`: the one whose
// words hold the other's ("checkout myself" over "checkout"), then one heard as a phrase over one
// pieced together from scattered words, then the one the caller said last: "I never ordered
// anything, you must have the wrong number" ends on the conclusion (as a correction does).
bool betterTie(const IntentCandidate &a, const IntentCandidate &b)
{
    const bool aHolds = a.first <= b.first && a.last >= b.last;
    const bool bHolds = b.first <= a.first && b.last >= a.last;
    if (aHolds != bHolds)
        return aHolds;
    if (a.partial != b.partial)
        return !a.partial;
    return a.last > b.last;
}

struct Range
{
    int intent;
    int first;
    int last;
};

bool inRange(const QList<Range> &ranges, int intent, int first, int last)
{
    for (const Range &r : ranges) {
        if (r.intent == intent && first <= r.last && last >= r.first)
            return true;
    }
    return false;
}

} // namespace

Result<IntentMatcher> IntentMatcher::fromJson(const json &input, const Normaliser &normaliser, const QString &path)
{
    const json *list = &input;
    QString base = path;
    if (input.is_object() && input.size() == 1 && input.contains("intents")) {
        list = &input["intents"];
        base = pointer(path, QStringLiteral("intents"));
    }
    LexiconReader reader(normaliser);
    if (!list->is_array())
        return Result<IntentMatcher>::failure(base + QStringLiteral(": must be an array of intents"));

    IntentMatcher m;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json &spec = (*list)[i];
        const QString at = pointer(base, qsizetype(i));
        if (!reader.object(spec, at, {QStringLiteral("name"), QStringLiteral("phrases"), QStringLiteral("keywords"),
                                      QStringLiteral("whole"), QStringLiteral("exclude"), QStringLiteral("details"),
                                      QStringLiteral("description")}))
            return Result<IntentMatcher>::failure(reader.error());
        const QString name = stringAt(spec, "name").trimmed();
        if (name.isEmpty())
            return Result<IntentMatcher>::failure(pointer(at, QStringLiteral("name")) + QStringLiteral(": must be a non-empty string"));
        if (!spec.contains("phrases") && !spec.contains("keywords") && !spec.contains("whole"))
            return Result<IntentMatcher>::failure(at + QStringLiteral(": intent '%1' needs phrases, keywords or whole").arg(name));
        int index = int(m.m_names.indexOf(name));
        if (index < 0) {
            index = int(m.m_names.size());
            m.m_names.append(name);
            m.m_details.append(CueSet());
        }
        const auto section = [&](const char *key, int kind, CueSet *into) {
            const auto it = spec.find(key);
            return it == spec.end() || reader.phrases(*it, pointer(at, QLatin1String(key)), name, index * 2 + kind, into);
        };
        if (!section("phrases", PhraseKind, &m.m_exact) || !section("keywords", KeywordKind, &m.m_exact)
            || !section("exclude", PhraseKind, &m.m_exclude))
            return Result<IntentMatcher>::failure(reader.error());
        if (const auto whole = spec.find("whole"); whole != spec.end()) {
            QList<QStringList> seqs;
            if (!reader.stemSequences(*whole, pointer(at, QStringLiteral("whole")), &seqs))
                return Result<IntentMatcher>::failure(reader.error());
            for (const QStringList &s : std::as_const(seqs))
                m.m_whole.insert(s.join(QLatin1Char(' ')), index);
        }
        if (const auto details = spec.find("details"); details != spec.end()) {
            if (!reader.cueMap(*details, pointer(at, QStringLiteral("details")), {}, &m.m_details[index]))
                return Result<IntentMatcher>::failure(reader.error());
        }
    }
    m.finish(normaliser.functionWords(), normaliser.negators());
    for (const json &spec : *list) {
        for (const char *key : { "phrases", "keywords", "whole" }) {
            const auto it = spec.find(key);
            if (it == spec.end() || !it->is_array())
                continue;
            for (const json &p : *it) {
                const json &text = p.is_object() && p.contains("phrase") ? p["phrase"] : p;
                if (!text.is_string())
                    continue;
                for (const Token &t : normaliser.normalise(qs(text.get<std::string>())).tokens) {
                    if (t.script == Script::Latin)
                        m.m_vocabulary.add(t.canon);
                }
            }
        }
    }
    return m;
}

void IntentMatcher::finish(const QSet<QString> &functionWords, const QSet<QString> &negators)
{
    QHash<QString, QSet<int>> users;
    for (int c = 0; c < m_exact.size(); ++c) {
        const Cue &cue = m_exact.cue(c);
        if (cue.value % 2 != PhraseKind)
            continue;
        Phrase p;
        p.intent = cue.value / 2;
        p.text = cue.phrase;
        for (const QString &s : cue.stems) {
            // A negator alone ("nahi", "not") says nothing about which phrase was meant.
            if (!functionWords.contains(s) && !negators.contains(s) && !p.content.contains(s))
                p.content.append(s);
            if (negators.contains(s) && !p.negators.contains(s))
                p.negators.append(s);
        }
        p.selfNegating = !p.negators.isEmpty();
        if (p.content.size() < 2)
            continue; // one content word is a keyword's job, not a partial match's
        for (const QString &s : std::as_const(p.content))
            users[s].insert(p.intent);
        m_phrases.append(p);
    }
    for (auto it = users.cbegin(); it != users.cend(); ++it)
        m_weight.insert(it.key(), 1.0 / double(it.value().size()));
    for (int i = 0; i < m_phrases.size(); ++i) {
        Phrase &p = m_phrases[i];
        for (const QString &s : std::as_const(p.content)) {
            p.contentWeight += m_weight.value(s);
            m_byContent[s].append(i);
        }
    }
}

QString IntentMatcher::detailFor(int intent, const NormalisedText &text) const
{
    const CueSet &details = m_details.at(intent);
    if (details.isEmpty())
        return {};
    for (const CueHit &h : details.find(text)) {
        if (!h.negated)
            return details.cue(h.cue).label;
    }
    return {};
}

namespace {

// Negators that say the same thing: Hindi "nahi" and "na" (not), Hindi "mat" (don't, asking),
// and every English one ("not", "doesnt", "didnt" …).
QString negationKind(const QString &stem)
{
    if (stem == QLatin1String("nahi") || stem == QLatin1String("na"))
        return QStringLiteral("nahi");
    if (stem == QLatin1String("mat"))
        return QStringLiteral("mat");
    return QStringLiteral("not");
}

} // namespace

IntentResult IntentMatcher::match(const NormalisedText &text) const
{
    IntentResult result;
    if (text.isEmpty() || m_names.isEmpty())
        return result;
    QList<Tally> tally(m_names.size());

    QList<Range> excluded;
    for (const CueHit &h : m_exclude.findAll(text))
        excluded.append({m_exclude.cue(h.cue).value / 2, h.first, h.last});

    for (const CueHit &h : m_exact.find(text, 2)) {
        const Cue &cue = m_exact.cue(h.cue);
        const int intent = cue.value / 2;
        if (!inRange(excluded, intent, h.first, h.last))
            tally[intent].add(exactScore(cue.value % 2, cue.stems.size(), h.gaps), cue.phrase, h.negated, h.first, h.last,
                              false);
    }

    QString whole;
    for (const Token &t : text.tokens) {
        if (t.marker)
            continue;
        if (!whole.isEmpty())
            whole.append(QLatin1Char(' '));
        whole.append(t.stem);
    }
    if (const auto it = m_whole.constFind(whole); it != m_whole.constEnd())
        tally[*it].add(1.0, text.source.trimmed(), false, 0, text.size() - 1, false);

    // Partial matches: credit each phrase with the weight of its content words heard anywhere.
    if (!m_phrases.isEmpty()) {
        QVarLengthArray<double, 512> credit(m_phrases.size(), 0.0);
        QVarLengthArray<quint8, 512> count(m_phrases.size(), 0);
        QVarLengthArray<quint8, 512> negatedCount(m_phrases.size(), 0);
        QVarLengthArray<int, 512> firstHeard(m_phrases.size(), 0);
        QVarLengthArray<int, 512> lastHeard(m_phrases.size(), 0);
        QList<int> touched;
        QSet<QString> seen;
        for (int i = 0; i < text.size(); ++i) {
            const Token &t = text.at(i);
            if (t.marker)
                continue;
            const auto it = m_byContent.constFind(t.stem);
            if (it == m_byContent.constEnd() || seen.contains(t.stem))
                continue;
            seen.insert(t.stem);
            const double w = m_weight.value(t.stem);
            const bool neg = text.isNegated(i, i);
            for (const int p : *it) {
                if (inRange(excluded, m_phrases.at(p).intent, i, i))
                    continue;
                if (count[p] == 0) {
                    touched.append(p);
                    firstHeard[p] = i;
                }
                lastHeard[p] = i;
                credit[p] += w;
                count[p] = quint8(qMin(255, count[p] + 1));
                if (neg)
                    negatedCount[p] = quint8(qMin(255, negatedCount[p] + 1));
            }
        }
        QSet<QString> negationsHeard;
        for (const Token &t : text.tokens) {
            if (t.isNegator())
                negationsHeard.insert(negationKind(t.stem));
        }
        for (const int p : std::as_const(touched)) {
            const Phrase &ph = m_phrases.at(p);
            // "order nahi chahiye" heard as "order chahiye" would mean the opposite; and its own kind
            // of negation must be the one heard: "cancel mat karo, chahiye" is not "nahi chahiye, cancel".
            if (ph.selfNegating && std::any_of(ph.negators.cbegin(), ph.negators.cend(), [&](const QString &n) {
                    return !negationsHeard.contains(negationKind(n));
                }))
                continue;
            const double ratio = credit[p] / ph.contentWeight;
            if (count[p] < 2 || ratio < 0.5)
                continue;
            // More content words heard means a more specific match: 2 words 0.8, 4 or more 0.9.
            const double score = 0.45 + 0.3 * qMin(1.0, ratio) + 0.05 * qMin(3, count[p] - 1);
            // Negated when most of its words were: "kal nahi, delivery parson karwa do" denies the day,
            // not the delivery change the rest of the phrase asks for.
            const bool negated = 2 * negatedCount[p] > count[p];
            tally[ph.intent].add(score, ph.text, negated && !ph.selfNegating, firstHeard[p], lastHeard[p], true);
        }
    }

    for (int i = 0; i < tally.size(); ++i) {
        const Tally &t = tally.at(i);
        if (t.best > 0.0) {
            const double bonus = 0.05 * qMin(2, t.hits - 1);
            result.ranking.append({m_names.at(i), qMin(1.0, t.best + bonus), t.matched, false, t.first, t.last, t.partial});
        } else if (t.negatedBest > 0.0) {
            result.negated.append(m_names.at(i));
        }
    }
    std::stable_sort(result.ranking.begin(), result.ranking.end(),
                     [](const IntentCandidate &a, const IntentCandidate &b) { return a.score > b.score; });
    if (result.ranking.isEmpty())
        return result;
    // Intents tied at the top (two heard whole, say): the better reading of the words goes first.
    int champion = 0;
    for (int i = 1; i < result.ranking.size() && qFuzzyCompare(result.ranking.at(i).score, result.ranking.first().score); ++i) {
        if (betterTie(result.ranking.at(i), result.ranking.at(champion)))
            champion = i;
    }
    if (champion > 0)
        result.ranking.move(champion, 0);
    const IntentCandidate &top = result.ranking.first();
    result.takeMatchOf(top);
    result.confidence = top.score;
    result.detail = detailFor(int(m_names.indexOf(top.intent)), text);
    if (result.ranking.size() > 1) {
        result.runnerUp = result.ranking.at(1).intent;
        result.runnerUpConfidence = result.ranking.at(1).score;
    }
    result.sure = result.confidence >= m_options.threshold
        && result.confidence - result.runnerUpConfidence >= m_options.margin;
    return result;
}

} // namespace ringside::nlu
