#include "engine/playbookslots.h"

#include <QRegularExpression>

namespace ringside::playbook {

namespace {

using nlu::Found;

QString digitsOnly(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        if (c.isDigit())
            out += c;
    }
    return out;
}

// The digits of the utterance, however they were said.
QString digitsHeard(const nlu::Analysis &a)
{
    if (!a.orderId.digits.isEmpty())
        return a.orderId.digits;
    if (!a.phone.digits.isEmpty())
        return digitsOnly(a.phone.digits);
    QString out;
    for (const nlu::Token &t : a.text.tokens) {
        if (t.isDigits())
            out += digitsOnly(t.text);
    }
    return out;
}

// The previous turn gave part of an order ID or phone number: read this turn as its continuation.
nlu::OrderIdMatch continuedOrderId(const nlu::OrderIdMatch &now, const SlotContext &c)
{
    if (c.pendingSlot != QLatin1String("order_id") || now.status == Found::Complete)
        return now;
    const nlu::OrderIdMatch joined =
            c.analyser->orderId(QStringLiteral("order number ") + c.pendingDigits + QLatin1Char(' ') + c.utterance, c.orderIdPattern);
    return joined.digits.size() > c.pendingDigits.size() ? joined : now;
}

nlu::PhoneMatch continuedPhone(const nlu::PhoneMatch &now, const SlotContext &c)
{
    if (c.pendingSlot != QLatin1String("phone") || now.status == Found::Complete)
        return now;
    const nlu::PhoneMatch joined =
            c.analyser->phone(c.pendingDigits + QLatin1Char(' ') + c.utterance, c.phoneCountry);
    return digitsOnly(joined.digits).size() > c.pendingDigits.size() ? joined : now;
}

bool mentions(const nlu::NormalisedText &text, std::initializer_list<const char *> words)
{
    for (const nlu::Token &t : text.tokens) {
        for (const char *w : words) {
            if (t.canon == QLatin1String(w))
                return true;
        }
    }
    return false;
}

// Digits said one after another in the whole utterance, when they are the only number in it:
// "four one one zero zero one", "411 001", "paanch chhe saat aath".
QString onlyDigitRun(const nlu::Analysis &a, const nlu::Analyser *analyser)
{
    if (!analyser)
        return {};
    // "the last four digits are …", "aakhri chaar ank …": a lone number that names how many
    // digits follow is not one of them.
    const auto word = [&a](int i) { return i >= 0 && i < a.text.size() ? a.text.at(i).stem : QString(); };
    static const QStringList countWords = { QStringLiteral("digit"), QStringLiteral("ank"), QStringLiteral("number") };
    static const QStringList lastWords = { QStringLiteral("last"), QStringLiteral("aakhri"), QStringLiteral("akhri"),
                                           QStringLiteral("antim"), QStringLiteral("final") };
    QString digits;
    for (const nlu::DigitRun &run : analyser->lexicon().numbers().digitRuns(a.text)) {
        if (run.first == run.last && (lastWords.contains(word(run.first - 1)) || countWords.contains(word(run.last + 1))))
            continue;
        digits += run.digits;
    }
    return digits;
}

// "priya dot sharma at gmail dot com", "priya.sharma@gmail.com".
QString spokenEmail(const QString &utterance)
{
    QString s = QLatin1Char(' ') + utterance.toLower() + QLatin1Char(' ');
    s.replace(QStringLiteral(" at the rate of "), QStringLiteral("@"));
    s.replace(QStringLiteral(" at the rate "), QStringLiteral("@"));
    s.replace(QStringLiteral(" at "), QStringLiteral("@"));
    s.replace(QStringLiteral(" dot "), QStringLiteral("."));
    s.replace(QStringLiteral(" underscore "), QStringLiteral("_"));
    s.replace(QStringLiteral(" dash "), QStringLiteral("-"));
    static const QRegularExpression email(QStringLiteral("([a-z0-9._%+-]+)\\s*@\\s*([a-z0-9-]+(?:\\s*\\.\\s*[a-z0-9-]+)+)"));
    const QRegularExpressionMatch m = email.match(s);
    if (!m.hasMatch())
        return {};
    QString out = m.captured(1) + QLatin1Char('@') + m.captured(2);
    out.remove(QLatin1Char(' '));
    // "my email is priya…": the lead words run into the name only when written without a space.
    return out;
}

bool mentionsPhone(const nlu::NormalisedText &text)
{
    for (const nlu::Token &t : text.tokens) {
        if (t.canon == QLatin1String("phone") || t.canon == QLatin1String("mobile") || t.canon == QLatin1String("cell")
            || t.canon == QLatin1String("fone"))
            return true;
    }
    return false;
}

json chooseItem(const nlu::Analysis &a, const SlotContext &c)
{
    if (!c.choiceItems.is_array() || c.choiceItems.empty())
        return nullptr;
    // An ID said aloud picks the element whose key ends with those digits, when only one does.
    const QString digits = digitsHeard(a);
    if (!c.choiceKey.isEmpty() && digits.size() >= 3) {
        int found = -1;
        int count = 0;
        for (size_t i = 0; i < c.choiceItems.size(); ++i) {
            const QString key = digitsOnly(stringAt(c.choiceItems[i], c.choiceKey.toStdString().c_str()));
            if (!key.isEmpty() && key.endsWith(digits)) {
                found = int(i);
                ++count;
            }
        }
        if (count == 1)
            return c.choiceItems[size_t(found)];
    }
    if (a.item.index >= 0 && a.item.sure && size_t(a.item.index) < c.choiceItems.size())
        return c.choiceItems[size_t(a.item.index)];
    return nullptr;
}

} // namespace

HeardSlots heardSlots(const nlu::Analysis &a, const SlotContext &c)
{
    HeardSlots h;
    const auto expects = [&](const char *slot) { return c.expected.contains(QLatin1String(slot)); };
    const auto partial = [&](const char *slot, const QString &digits) {
        if (expects(slot) && h.partialSlot.isEmpty() && h.invalidSlot.isEmpty()) {
            h.partialSlot = QLatin1String(slot);
            h.partialDigits = digitsOnly(digits);
        }
    };
    const auto invalid = [&](const char *slot, const QString &problem) {
        if (expects(slot) && h.partialSlot.isEmpty() && h.invalidSlot.isEmpty()) {
            h.invalidSlot = QLatin1String(slot);
            h.invalidProblem = problem;
        }
    };

    nlu::OrderIdMatch orderId = c.analyser ? continuedOrderId(a.orderId, c) : a.orderId;
    nlu::PhoneMatch phone = c.analyser ? continuedPhone(a.phone, c) : a.phone;
    // Digits begun as an order ID that grew past one may be a phone number said in two goes.
    if (c.analyser && c.pendingSlot == QLatin1String("order_id") && orderId.status == Found::Invalid && expects("phone")) {
        const nlu::PhoneMatch joined = c.analyser->phone(c.pendingDigits + QLatin1Char(' ') + c.utterance, c.phoneCountry);
        if (joined.status == Found::Complete) {
            phone = joined;
            orderId = nlu::OrderIdMatch();
        }
    }
    // "my phone number is 98123…": a partial number is a phone number, not an order ID.
    if (orderId.status == Found::Partial && phone.status == Found::None && expects("phone") && mentionsPhone(a.text)) {
        phone.status = Found::Partial;
        phone.digits = orderId.digits;
        orderId = nlu::OrderIdMatch();
    }
    if (orderId.status == Found::Complete) {
        h.values["order_id"] = orderId.id;
        // Bare digits may be a PIN code or a quantity: kept for later steps only when the caller
        // said it was an order ("order 482913", "O R D …").
        if (orderId.prefixHeard || mentions(a.text, { "order", "ord" }))
            h.carriable << QStringLiteral("order_id");
    }
    if (phone.status == Found::Complete) {
        h.values["phone"] = phone.e164;
        h.carriable << QStringLiteral("phone");
    }
    if (c.analyser) {
        const nlu::OrderIdMatch ret = c.analyser->orderId(c.utterance, c.returnIdPattern);
        if (ret.status == Found::Complete && ret.prefixHeard) {
            h.values["return_id"] = ret.id;
            h.carriable << QStringLiteral("return_id");
            // "RET 0001" is not also an order "0001".
            if (!orderId.prefixHeard && h.values.contains("order_id") && orderId.digits == ret.digits)
                h.values.erase("order_id");
        }
    }
    // What a caller says to prove who they are (verify_caller): a PIN code, the last four digits
    // of their phone, an email address.
    if (expects("pin_code") || expects("phone_last4")) {
        const QString digits = onlyDigitRun(a, c.analyser);
        if (digits.size() == 6)
            h.values["pin_code"] = digits;
        if (digits.size() == 4)
            h.values["phone_last4"] = digits;
    }
    if (expects("email")) {
        if (const QString email = spokenEmail(c.utterance); !email.isEmpty())
            h.values["email"] = email;
    }
    const bool anyNumber = h.has(QStringLiteral("order_id")) || h.has(QStringLiteral("phone")) || h.has(QStringLiteral("return_id"));
    if (!anyNumber) {
        if (orderId.status == Found::Partial)
            partial("order_id", orderId.digits);
        else if (orderId.status == Found::Invalid)
            invalid("order_id", orderId.problem);
        if (phone.status == Found::Partial)
            partial("phone", phone.digits);
        else if (phone.status == Found::Invalid)
            invalid("phone", phone.problem);
    }

    if (a.date.status == Found::Complete) {
        h.values["date"] = a.date.iso();
        h.carriable << QStringLiteral("date");
    } else if (a.date.status == Found::Invalid) {
        invalid("date", a.date.problem);
    }
    if (a.timeSlot.status == Found::Complete) {
        h.values["time_slot"] = a.timeSlot.slot;
        h.carriable << QStringLiteral("time_slot");
    }
    if (a.yesNo.answer != nlu::Answer::Unknown)
        h.values["yes_no"] = nlu::answerName(a.yesNo.answer);
    if (a.quantity.status == Found::Complete)
        h.values["quantity"] = a.quantity.all ? json("all") : json(a.quantity.value);
    if (a.cancellation.matched()) {
        h.values["cancel_reason"] = a.cancellation.reason;
        h.carriable << QStringLiteral("cancel_reason");
    }
    if (a.abandonment.matched()) {
        h.values["abandonment_reason"] = a.abandonment.reason;
        // "too expensive, and the payment failed": the second reason, so neither answer is lost.
        if (!a.abandonment.runnerUp.isEmpty())
            h.values["abandonment_reason_also"] = a.abandonment.runnerUp;
        h.carriable << QStringLiteral("abandonment_reason");
    }
    if (a.returnReason.matched()) {
        h.values["return_reason"] = a.returnReason.reason;
        h.carriable << QStringLiteral("return_reason");
    }
    if (a.refundMethod.status == Found::Complete) {
        h.values["refund_method"] = a.refundMethod.method;
        h.carriable << QStringLiteral("refund_method");
    }
    if (a.address.status == Found::Complete) {
        h.values["address"] = a.address.text;
        h.carriable << QStringLiteral("address");
    }
    if (!c.utterance.trimmed().isEmpty())
        h.values["text"] = c.utterance.trimmed();
    if (json chosen = chooseItem(a, c); !chosen.is_null())
        h.values["choice"] = std::move(chosen);
    return h;
}

} // namespace ringside::playbook
