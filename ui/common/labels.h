#pragma once
// Words for the machine names the analytics and agent formats use ("cod_confirmation",
// "not_interested"), so charts and filters read like a product, not a schema.

#include <QString>

namespace ringside::ui {

QString useCaseLabel(const QString &useCase);   // "cod_confirmation" → "COD confirmation"
QString outcomeLabel(const QString &outcome);   // "not_interested" → "Not interested"
QString reasonLabel(const QString &reason);     // "price_too_high" → "Price too high"; escalation reasons too
QString languageLabel(const QString &tag);      // "hi-IN" → "Hindi" (in the console's language)

} // namespace ringside::ui
