#pragma once

#include <QString>
#include <QStringList>

namespace ringside {

// What a COD customer wants changed, from their words in English, Hinglish or Hindi
// ("pata badalna hai", "kal deliver karo", "UPI se pay karunga").
struct CodModification {
    QString action;       // collect_new_address | collect_new_date | change_payment | clarify
    QStringList types;    // every kind mentioned, in the order said: address, date, payment
};

// The kind mentioned first decides the action; nothing recognised gives "clarify".
CodModification classifyCodModification(const QString &words);

// The question to ask next for an action ("What's the new address?").
QString codModificationPrompt(const QString &action, bool hindi, int rescheduleDaysAhead);

} // namespace ringside
