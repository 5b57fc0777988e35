#pragma once
// The fixed words of the playbook format (docs/playbook-format.md): slot names, rule and action
// keys, template helpers, text keys. One place, so the validator, the interpreter and the docs agree.

#include <QString>
#include <QStringList>

namespace ringside::playbook {

// Slots a step may expect and a rule may test with "heard".
const QStringList &slotNames();
// Keys of a rule's "when" object.
const QStringList &conditionKeys();
// Action verbs; each action object has exactly one of them.
const QStringList &actionVerbs();
// Options allowed beside each verb ("call" takes "args" and "as", …).
QStringList actionOptions(const QString &verb);
// The verb of an action object with these keys: the one verb present, or the verb whose options
// the other verb-like keys are ({"escalate": …, "say": …} is an escalation). Empty when none or
// ambiguous.
QString actionVerb(const QStringList &keys);
// Template helpers: {{spell(x)}}, {{date(x)}}, …
const QStringList &templateHelpers();
// Keys of a playbook's "texts" (overrides of the interpreter's built-in replies).
const QStringList &textKeys();
// transfer_to_human reasons, read from the tool catalogue so they cannot drift from it.
QStringList escalationReasons();
// Call outcomes a playbook may set (conversation/outcomes.h).
QStringList outcomeValues();
// Root names a path may start with that are not variables.
const QStringList &reservedRoots();

// Keys of the top-level "playbook" object, of a step and of "settings".
const QStringList &playbookKeys();
const QStringList &stepKeys();
const QStringList &settingKeys();

} // namespace ringside::playbook
