#pragma once

#include <QStringList>

namespace ringside {

// What callers say to an e-commerce voice agent, written for Ringside (not copied from any prompt):
// the recognizer's built-in domain. Plain sentences, no punctuation needed; spokenWords() turns
// them into recognizer words. Extended per agent by sttConfig.keywords and the playbook's phrases.
namespace domainphrases {

QStringList orderStatus();     // "where is my order", delivered-but-missing, tracking numbers
QStringList deliveryUpdates(); // answers to an outbound delivery call
QStringList codConfirmation(); // confirming, changing or cancelling a cash-on-delivery order
QStringList cartRecovery();    // why the cart was left, offers, checkout links
QStringList returns();         // returns, exchanges, refunds, pickups
QStringList callHandling();    // greetings, yes/no, repeat, hold on, ask for a human
QStringList confirmations();   // short yes/no answers, for the yes-no expectation

// The five use cases and call handling together.
QStringList all();

// How callers introduce an order ID or phone number ("my order number is …"), to precede the
// digits and letters that follow.
QStringList identifierLeadIns();

// Words the domain needs without an example sentence: products, days, times, carriers.
QStringList vocabulary();

} // namespace domainphrases
} // namespace ringside
