#pragma once
// The replies the playbook interpreter uses for its built-in behaviour (didn't catch that, wait,
// goodbye, escalations, …) in English and romanized Hindi. A playbook overrides any of them in
// its "texts" (docs/playbook-format.md lists the keys).

#include "util/jsonqt.h"

#include <QString>

namespace ringside::playbook {

// The built-in text for `key` ("didNotCatch", "escalate.complaint", …); empty for unknown keys.
QString builtinText(const QString &key, const QString &language);

// A playbook text (a string, or an object by language) in `language`: the exact tag, then its
// first part ("hi" for "hi-IN"), then "en", then the first entry. Empty for anything else.
QString pickText(const json &text, const QString &language);

// "Sorry, I didn't hear anything." — said by the session when a turn is empty.
QString silenceText(const QString &language);

} // namespace ringside::playbook
