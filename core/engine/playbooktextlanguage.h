#pragma once
// Which languages a playbook can speak whole. A playbook text is a string (written in the language
// of the agent the playbook was written for) or an object of strings by language ("en", "hi");
// a variant of an agent may run on the playbook brain only when every text exists in its language.

#include "util/jsonqt.h"

#include <QString>

namespace ringside::playbook {

// The first text of `playbook` (the file's root object) that has no version in `language`
// ("hi-IN" and "hi" both mean Hindi), as a JSON pointer; empty when every text has one. Plain
// strings are in `writtenIn`; a text that is only {{…}} values (a tool's own message) speaks
// whatever language they hold and never counts as missing.
QString firstTextMissing(const json &playbook, const QString &language, const QString &writtenIn);

// The same for a playbook file; a file that cannot be read or parsed gives "/" (nothing can be said).
QString firstTextMissingInFile(const QString &path, const QString &language, const QString &writtenIn);

} // namespace ringside::playbook
