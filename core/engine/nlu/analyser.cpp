#include "engine/nlu/analyser.h"

#include <algorithm>
#include <limits>

namespace ringside::nlu {

namespace {

// Whether the two lexicon phrases share a content word (both read the way utterances are).
bool shareContentWord(const QString &a, const QString &b, const Normaliser &normaliser)
{
    QSet<QString> stems;
    for (const Token &t : normaliser.normalise(b).tokens) {
        if (!t.marker && !t.isNegator() && !normaliser.isFunctionWord(t.stem))
            stems.insert(t.stem);
    }
    for (const Token &t : normaliser.normalise(a).tokens) {
        if (stems.contains(t.stem))
            return true;
    }
    return false;
}

// No rule at this step may act on the built-in intent (nor a handler of the brain's own).
bool idleAtStep(const AnalysisContext &context, const QString &builtinIntent)
{
    return !context.firstRulePossible.isEmpty() && !context.firstRulePossible.contains(builtinIntent);
}

// The built-in reading gives way to the playbook's: kept as the runner-up, not forgotten.
void setAside(IntentResult &builtin)
{
    builtin.runnerUp = builtin.intent;
    builtin.runnerUpConfidence = builtin.confidence;
    builtin.intent.clear();
    builtin.confidence = 0.0;
    builtin.matched.clear();
    builtin.sure = false;
}

// The playbook's best intent wins over a built-in one of the same words ("return ka status
// batao": return_status, not where_is_order as well), and over a weak built-in guess beside a
// strong playbook match, where the step listens for it: its own rules name it, or its rule is
// surely tried before any rule for the built-in one. Elsewhere both stay and the rules' order
// decides: at the COD confirmation step "can I pay online instead?" is the built-in `modify`,
// whose rule comes first and routes the payment change itself.
bool stepPrefers(const AnalysisContext &context, const QString &playbookIntent, const QString &builtinIntent)
{
    // Never against the rules' order: a rule that may act on the built-in one and comes first
    // keeps it ("yes, go ahead" at the COD confirmation step is the confirm tried before `listening`).
    const int builtinFirst = context.firstRulePossible.value(builtinIntent, std::numeric_limits<int>::max());
    // A built-in intent no rule here may act on (and no handler of the brain's own) changes nothing
    // at this step: beside a playbook match of the same words it is only noise.
    if (idleAtStep(context, builtinIntent))
        return true;
    if (context.stepIntents.contains(playbookIntent) && context.firstRulePossible.value(playbookIntent, -1) < builtinFirst)
        return true;
    const auto sure = context.firstRuleSure.constFind(playbookIntent);
    return sure != context.firstRuleSure.cend() && *sure < builtinFirst;
}

// A built-in reading weaker in kind than the playbook's phrase heard whole: pieced together from
// scattered words ("i'll order it on my own when i'm ready" is no where_is_order beside "on my
// own"), or heard inside the playbook's longer phrase ("checkout" inside "checkout myself"). Such a
// reading is an accident of shared words, so it gives way at every step; so does a repeat in the
// clause that names what to repeat.
bool weakerBuiltin(const IntentResult &builtin, const IntentResult &playbook, const NormalisedText &text)
{
    if (playbook.partial || !playbook.sure || playbook.confidence < 0.9 || builtin.first < 0 || playbook.first < 0)
        return false;
    // A few scattered words, or any among the playbook phrase's own; many of them elsewhere (0.9: four
    // content words, or more cues beside) may be a second thing said ("… I just forgot, and I
    // wasn't sure about the size either").
    if (builtin.partial && (builtin.confidence < 0.9 || (builtin.first <= playbook.last && builtin.last >= playbook.first)))
        return true;
    const auto clause = [&](int token) { return text.at(token).clause; };
    // "explain the offer once more": a repeat that names what to say again asks for that.
    if (builtin.intent == QLatin1String("repeat") && clause(builtin.first) == clause(playbook.first))
        return true;
    return builtin.first >= playbook.first && builtin.last <= playbook.last
           && builtin.last - builtin.first < playbook.last - playbook.first;
}

void preferStepIntent(Analysis &a, const AnalysisContext &context, const Normaliser &normaliser)
{
    if (!a.playbook.matchedAny() || !a.universal.matchedAny() || a.playbook.intent == a.universal.intent)
        return;
    if (weakerBuiltin(a.universal, a.playbook, a.text)) {
        setAside(a.universal);
        return;
    }
    if (!stepPrefers(context, a.playbook.intent, a.universal.intent))
        return;
    // A built-in intent no rule here may act on is noise beside any playbook reading a rule would
    // take ("kharab aaya tha" is no damaged-goods report where the cart playbook asks about quality).
    const bool builtinIdle = idleAtStep(context, a.universal.intent);
    const bool playbookHeard = a.playbook.heardByRules();
    const bool playbookStrong = a.playbook.sure && a.playbook.confidence >= 0.9;
    const bool sameWords = (a.playbook.confidence >= a.universal.confidence || a.playbook.sure)
                           && shareContentWord(a.universal.matched, a.playbook.matched, normaliser);
    if (!sameWords && !(playbookStrong && a.universal.confidence < 0.8) && !(builtinIdle && playbookHeard))
        return;
    setAside(a.universal);
}

// "wait, can I ask you something", "ek minute, ye bataiye …": a wait said only to take the floor
// before what the caller wants is not a request to wait. When the built-in reading is `wait`, the
// words after the first clause (in a single clause, after the opening wait) are read again alone;
// if they are no wait but a sure request (a built-in one, or the playbook's same one), that
// reading stands and the wait is set aside.
void dropLeadingWait(Analysis &a, const AnalysisContext &context, const Lexicon &lex)
{
    if (a.universal.intent != QLatin1String("wait") || a.text.tokens.isEmpty())
        return;
    NormalisedText rest = a.text;
    const int firstClause = rest.tokens.first().clause;
    if (rest.tokens.last().clause == firstClause) {
        // One clause ("ruko pehle batao …", said without a pause): the words after a wait that opens it.
        if (a.universal.first != 0 || a.universal.last < 0)
            return;
        rest.tokens.remove(0, qMin(a.universal.last + 1, rest.size()));
    } else {
        rest.tokens.erase(std::remove_if(rest.tokens.begin(), rest.tokens.end(), [&](const Token &tok) { return tok.clause == firstClause; }),
                          rest.tokens.end());
    }
    if (rest.tokens.isEmpty())
        return;
    IntentResult again = lex.intents().match(rest);
    if (again.intent == QLatin1String("wait"))
        return;
    // The playbook's reading counts as a rule's `intent` condition counts it: sure, or 0.9 and up
    // ("wait wait, tell me one thing" is the question beside a close runner-up).
    const bool playbookAgain = a.playbook.heardByRules() && context.intents
        && context.intents->match(rest).intent == a.playbook.intent;
    if (!again.sure && !playbookAgain)
        return;
    if (!again.sure)
        again = IntentResult();
    again.runnerUp = a.universal.intent; // set aside, not forgotten
    again.runnerUpConfidence = a.universal.confidence;
    a.universal = again;
}

// "nahi, cancel kar do, sasta mil gaya": of two intents tied at the top, the one said last won, but
// its words are the reason given for the other (found_cheaper for the cancellation): they explain
// the request, they are not a second one, so the request goes first again.
void reasonIsNoSecondRequest(IntentResult &r, const ReasonMatch &cancellation, const ReasonMatch &returnReason)
{
    if (r.ranking.size() < 2 || r.intent != r.ranking.at(0).intent || !qFuzzyCompare(r.ranking.at(0).score, r.ranking.at(1).score))
        return;
    const QString &request = r.ranking.at(1).intent;
    const ReasonMatch *reason = request == QLatin1String("cancel") ? &cancellation
                              : request == QLatin1String("return") ? &returnReason
                                                                   : nullptr;
    if (!reason || !reason->matched() || reason->first < 0 || r.first > reason->last || r.last < reason->first)
        return;
    r.ranking.move(1, 0);
    r.runnerUp = r.intent;
    r.takeMatchOf(r.ranking.first());
    r.detail.clear();
}

} // namespace

Result<Analyser> Analyser::builtin()
{
    Result<json> document = Lexicon::builtinDocument();
    if (!document)
        return Result<Analyser>::failure(document.error());
    return fromDocument(document.value());
}

Result<Analyser> Analyser::fromDocument(const json &document)
{
    Result<Lexicon> lexicon = Lexicon::compile(document);
    if (!lexicon)
        return Result<Analyser>::failure(lexicon.error());
    return Analyser(std::make_shared<const Lexicon>(std::move(lexicon).value()));
}

Result<Analyser> Analyser::extended(const json &extra) const
{
    if (!extra.is_object())
        return Result<Analyser>::failure(QStringLiteral("/: a lexicon addition must be an object of sections"));
    // Checked on its own first, so error pointers point into the addition as written rather
    // than into the merged whole; then checked again together (e.g. spellings claimed twice).
    Result<Lexicon> alone = Lexicon::compile(extra);
    if (!alone)
        return Result<Analyser>::failure(alone.error());
    return fromDocument(Lexicon::merged(m_lexicon->document(), extra));
}

NormalisedText Analyser::normalise(const QString &text) const
{
    return m_lexicon->normaliser().normalise(text);
}

Analysis Analyser::analyse(const QString &text, const AnalysisContext &context) const
{
    const Lexicon &lex = *m_lexicon;
    Analysis a;
    a.text = lex.normaliser().normalise(text);
    // Devanagari words the lexicon does not know may still be words of the playbook's intents.
    if (context.intents && !context.intents->vocabulary().isEmpty()) {
        for (Token &tok : a.text.tokens) {
            if (tok.transliterated)
                spellOutDevanagari(tok, lex.normaliser(), &context.intents->vocabulary());
        }
    }
    const NormalisedText &t = a.text;
    if (t.isEmpty())
        return a;
    a.yesNo = extractYesNo(t, lex.yesNo());
    // Reasons first: the words of a reason are no second request beside the one they explain.
    a.cancellation = classifyReason(t, lex.reasons(ReasonSet::Cancellation), ReasonSet::Cancellation);
    a.abandonment = classifyReason(t, lex.reasons(ReasonSet::Abandonment), ReasonSet::Abandonment);
    a.returnReason = classifyReason(t, lex.reasons(ReasonSet::Return), ReasonSet::Return);
    a.universal = lex.intents().match(t);
    reasonIsNoSecondRequest(a.universal, a.cancellation, a.returnReason);
    if (context.intents) {
        a.playbook = context.intents->match(t);
        preferStepIntent(a, context, lex.normaliser());
    }
    if (a.universal.intent == QLatin1String("wait")) {
        dropLeadingWait(a, context, lex);
        if (context.intents)
            preferStepIntent(a, context, lex.normaliser());
    }
    a.orderId = extractOrderId(t, lex, context.orderId);
    a.phone = extractPhone(t, lex, context.defaultCountry);
    // Digits already read as the order ID are not also a partial phone number.
    if (a.phone.status == Found::Partial && a.orderId.status != Found::None && a.orderId.digits == a.phone.digits)
        a.phone = PhoneMatch();
    a.date = extractDate(t, lex, {context.today, context.direction, context.dayFirst});
    a.timeSlot = extractTimeSlot(t, lex);
    a.quantity = extractQuantity(t, lex);
    a.refundMethod = extractRefundMethod(t, lex);
    a.address = extractAddress(t, lex);
    if (!context.items.isEmpty())
        a.item = matchItem(t, context.items, lex);
    return a;
}

YesNo Analyser::yesNo(const QString &text) const
{
    return extractYesNo(normalise(text), m_lexicon->yesNo());
}

OrderIdMatch Analyser::orderId(const QString &text, const OrderIdPattern &pattern) const
{
    return extractOrderId(normalise(text), *m_lexicon, pattern);
}

PhoneMatch Analyser::phone(const QString &text, const QString &defaultCountry) const
{
    return extractPhone(normalise(text), *m_lexicon, defaultCountry);
}

DateMatch Analyser::date(const QString &text, const DateOptions &options) const
{
    return extractDate(normalise(text), *m_lexicon, options);
}

TimeSlotMatch Analyser::timeSlot(const QString &text) const
{
    return extractTimeSlot(normalise(text), *m_lexicon);
}

QuantityMatch Analyser::quantity(const QString &text) const
{
    return extractQuantity(normalise(text), *m_lexicon);
}

ReasonMatch Analyser::reason(const QString &text, ReasonSet set) const
{
    return classifyReason(normalise(text), m_lexicon->reasons(set), set);
}

RefundMethodMatch Analyser::refundMethod(const QString &text) const
{
    return extractRefundMethod(normalise(text), *m_lexicon);
}

AddressCapture Analyser::address(const QString &text) const
{
    return extractAddress(normalise(text), *m_lexicon);
}

ItemMatch Analyser::item(const QString &text, const QStringList &items) const
{
    return matchItem(normalise(text), items, *m_lexicon);
}

IntentResult Analyser::universalIntent(const QString &text) const
{
    const NormalisedText t = normalise(text);
    IntentResult r = m_lexicon->intents().match(t);
    reasonIsNoSecondRequest(r, classifyReason(t, m_lexicon->reasons(ReasonSet::Cancellation), ReasonSet::Cancellation),
                            classifyReason(t, m_lexicon->reasons(ReasonSet::Return), ReasonSet::Return));
    return r;
}

Result<IntentMatcher> Analyser::compileIntents(const json &intents, const QString &path) const
{
    return IntentMatcher::fromJson(intents, m_lexicon->normaliser(), path);
}

} // namespace ringside::nlu
