#include "engine/nlu/analyser.h"

namespace ringside::nlu {

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
    a.universal = lex.intents().match(t);
    if (context.intents)
        a.playbook = context.intents->match(t);
    a.orderId = extractOrderId(t, lex, context.orderId);
    a.phone = extractPhone(t, lex, context.defaultCountry);
    // Digits already read as the order ID are not also a partial phone number.
    if (a.phone.status == Found::Partial && a.orderId.status != Found::None && a.orderId.digits == a.phone.digits)
        a.phone = PhoneMatch();
    a.date = extractDate(t, lex, {context.today, context.direction, context.dayFirst});
    a.timeSlot = extractTimeSlot(t, lex);
    a.quantity = extractQuantity(t, lex);
    a.cancellation = classifyReason(t, lex.reasons(ReasonSet::Cancellation), ReasonSet::Cancellation);
    a.abandonment = classifyReason(t, lex.reasons(ReasonSet::Abandonment), ReasonSet::Abandonment);
    a.returnReason = classifyReason(t, lex.reasons(ReasonSet::Return), ReasonSet::Return);
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
    return m_lexicon->intents().match(normalise(text));
}

Result<IntentMatcher> Analyser::compileIntents(const json &intents, const QString &path) const
{
    return IntentMatcher::fromJson(intents, m_lexicon->normaliser(), path);
}

} // namespace ringside::nlu
