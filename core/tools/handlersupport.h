#pragma once

#include "callerverification.h"
#include "commerce/commercebackend.h"
#include "speaker.h"
#include "toolcontext.h"
#include "util/jsonqt.h"

#include <optional>

namespace ringside {

// What every handler gets: the store, the call's context and the validated arguments.
struct HandlerEnv {
    CommerceBackend &backend;
    const ToolContext &context;
    const json &args;
    QDateTime now;   // the context's now, or the wall clock when it has none

    // A string argument, trimmed; empty when absent.
    QString arg(const char *key) const { return stringAt(args, key).trimmed(); }
    bool flag(const char *key, bool fallback = false) const
    {
        const auto it = args.find(key);
        return it != args.end() && it->is_boolean() ? it->get<bool>() : fallback;
    }
    bool hindi() const { return isHindi(context.language); }
    // Speech bound to the customer's timezone (the store's, then UTC, when there is no customer)
    // and the call's language.
    Speaker speakerFor(const QString &customerId) const;
    QString setting(const QString &key, const QString &fallback) const { return backend.setting(key, fallback); }
};

using ToolHandler = json (*)(HandlerEnv &env);

// {"found": false, "message": …}: nothing matched what the caller said.
json notFound(const QString &message);
// {"found": false, …} for an order / a return ID the caller gave, in the call's language.
json orderNotFoundReply(const HandlerEnv &env, const QString &spokenId);
json returnNotFoundReply(const HandlerEnv &env, const QString &spokenId);
// {"success": false, "reason": …, "message": …}: a business rule refused the action.
json refusal(const char *reason, const QString &message);
// A structured argument error found by a handler (e.g. a date in the past in the customer's zone).
json argumentError(const char *code, const QString &field, const QString &message);

// The IDs worth trying for what a caller said: "ord 482913", "ORD482913", "o r d-482913" and
// "482913" all yield "ORD-482913" (the store's format), after the text as given.
QStringList orderIdCandidates(const QString &spoken);
// The same for other prefixed IDs (returns, carts): as given, upper-cased without spaces, and
// LETTERS-DIGITS when the separator was dropped.
QStringList idCandidates(const QString &spoken);

std::optional<Order> findOrder(CommerceBackend &backend, const QString &spoken);
std::optional<ReturnRequest> findReturn(CommerceBackend &backend, const QString &spoken);
std::optional<Cart> findCart(CommerceBackend &backend, const QString &spoken);

// Line items for a result: sku, name, quantity, price (decimal), category.
json itemsJson(const std::vector<LineItem> &items, const QString &currency);
// "a Cotton T-shirt", "2 Mugs" … for each line.
QStringList itemPhrases(const std::vector<LineItem> &items, const QString &language);
// The same without the article, for "your Cotton T-shirt and 2 Mugs".
QStringList itemNames(const std::vector<LineItem> &items, const QString &language);

// A date the customer chose, against today in their zone.
enum class DateFit { Ok, Past, TooFar };
DateFit fitDate(const QDate &date, const QDate &today, int maxDaysAhead);
json pastDateError(const char *field, const QDate &date, const QDate &today);

} // namespace ringside
