#pragma once
// Values and {{ … }} templates of playbooks (docs/playbook-format.md, "Texts and templates"):
// dotted paths into the conversation, helpers that format for speech, and rendering that never
// speaks a missing value (it reuses the agent templates' tidying).

#include "util/jsonqt.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace ringside::playbook {

// How helpers speak: the agent's language, the caller's zone and clock, the call's currency.
struct SpeechStyle
{
    QString language = QStringLiteral("en-US");
    QTimeZone zone = QTimeZone::utc();
    QDateTime now;
    QString currency;
    bool spellIds = false; // speech: a plain value that looks like an ID is spelled ("O R D 4 8 …")
};

// The value at a dotted path ("order.items.0.name"); a first name that is not a key of `root` is
// looked up in root["vars"]. nullptr when anything on the way is missing.
const json *lookup(const json &root, const QString &path);
// Present for "has": not missing, null, "", false, or an empty array or object.
bool isPresent(const json *value);
// A scalar as text ("" for null, objects and arrays that are not lists of strings).
QString valueText(const json &value, const QString &language);

// One {{ … }} of a text: a path, optionally inside a helper ("spell(order.order_id_raw)").
struct Expression
{
    qsizetype start = 0;   // offset of "{{"
    qsizetype length = 0;  // up to and including "}}"
    QString helper;        // empty: the plain value
    QString path;
    QString problem;       // non-empty: malformed (unclosed, empty, bad path, unknown helper)
};
QList<Expression> scanExpressions(const QString &text);
// The problems of every malformed expression, for the validator.
QStringList templateProblems(const QString &text);

// The value of one expression as speech; empty when missing.
QString evaluate(const Expression &expression, const json &root, const SpeechStyle &style);

struct Rendered
{
    QString text;
    QStringList missing; // expressions with no value, as written ("order.delay_reason")
};
Rendered render(const QString &text, const json &root, const SpeechStyle &style);

// A tool argument: strings are rendered (a string that renders empty gives null, so the caller can
// leave the argument out); a string that is one "{{path}}" and nothing else gives the value as it
// is (a number, a list); arrays and objects are rendered element by element.
json renderValue(const json &value, const json &root, const SpeechStyle &style, QStringList *missing);

} // namespace ringside::playbook
