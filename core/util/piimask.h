#pragma once
// Personal data as logs and the monitor feed show it by default: enough to tell calls apart
// ("+91 •••• ••5678"), not enough to call or visit anyone. The full values stay in the store and
// go only to the operator who holds the call (docs/security.md).

#include "util/jsonqt.h"

#include <QString>

namespace ringside {

// "+919812345678" → "+91 •••• ••5678"; a national number keeps only its last four digits; text
// with no digits becomes "•••". Already masked text (it holds '•') comes back unchanged.
QString maskPhone(const QString &phone);

// "12 MG Road, Indiranagar, Bengaluru 560038" → "••• Bengaluru 560038"-like: only the last
// comma-separated part (city and postcode) is kept.
QString maskAddress(const QString &address);

// "asha@example.com" → "a•••@example.com".
QString maskEmail(const QString &email);

// A copy of `value` with every field whose name says it holds a phone number, an address or an
// email masked, at any depth (tool arguments and results).
json maskPersonalFields(const json &value);

// True when a field of that name holds a phone number, an address or an email.
bool isPersonalField(const std::string &key);

} // namespace ringside
