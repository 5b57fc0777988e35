#pragma once

#include "util/jsonqt.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <set>
#include <string>

namespace ringside::commerce {

// Problems found in a fixture, each prefixed with the path of the value it is about
// ("orders[3].status: 'shiped' is not one of …").
struct FixtureDiagnostics {
    QStringList errors;
    QStringList warnings;

    void error(const QString &path, const QString &problem) { errors << path + QStringLiteral(": ") + problem; }
    void warn(const QString &path, const QString &problem) { warnings << path + QStringLiteral(": ") + problem; }
};

// Reads the fields of one JSON object at `path`, reporting type and format problems to the
// diagnostics and remembering which keys were read, so finish() can warn about the rest.
// A key holding null counts as absent. Every getter returns a usable value even on error, so
// parsing continues and one run reports every problem in the file.
class FixtureFields
{
public:
    enum Need { Optional, Required };

    FixtureFields(const json &object, QString path, FixtureDiagnostics &diagnostics);

    QString path(const char *key) const { return child(QString::fromUtf8(key)); }
    QString child(const QString &key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key; }
    bool has(const char *key);

    QString text(const char *key, Need need = Optional);
    // An identifier: non-empty, at most 64 characters, no spaces or control characters.
    QString id(const char *key, Need need = Required);
    QString oneOf(const char *key, const QStringList &allowed, Need need, const QString &fallback = {});
    int integer(const char *key, int min, int max, int fallback, Need need = Optional);
    double number(const char *key, double min, double max, double fallback, Need need = Optional);
    // A decimal amount in `currency`, in minor units; never negative.
    qint64 money(const char *key, const QString &currency, Need need = Optional);
    QString currency(const char *key, Need need = Required);
    QDateTime instant(const char *key, Need need = Optional); // UTC
    QDate date(const char *key, Need need = Optional);        // YYYY-MM-DD
    // The array at `key` (an empty one when absent or of the wrong type). When `emptyProblem` is
    // given, an empty array is an error with that text.
    const json &array(const char *key, Need need = Optional, const char *emptyProblem = nullptr);
    const json &object(const char *key, Need need = Optional);

    // Warns about every key that was never read: "orders[3].colour: unknown key, ignored".
    void finish();

private:
    const json *value(const char *key, Need need); // nullptr when absent, null or missing
    void typeError(const char *key, const char *expected, const json &got);

    const json &m_object;
    QString m_path;
    FixtureDiagnostics &m_diag;
    std::set<std::string> m_read;
};

} // namespace ringside::commerce
