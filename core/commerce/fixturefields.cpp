#include "fixturefields.h"

#include "commerceenums.h"
#include "money.h"

#include "util/clock.h"

#include <cmath>

namespace ringside::commerce {

namespace {
const json &emptyArray()
{
    static const json a = json::array();
    return a;
}
const json &emptyObject()
{
    static const json o = json::object();
    return o;
}
} // namespace

FixtureFields::FixtureFields(const json &object, QString path, FixtureDiagnostics &diagnostics)
    : m_object(object)
    , m_path(std::move(path))
    , m_diag(diagnostics)
{
}

bool FixtureFields::has(const char *key)
{
    m_read.insert(key);
    const auto it = m_object.find(key);
    return it != m_object.end() && !it->is_null();
}

const json *FixtureFields::value(const char *key, Need need)
{
    m_read.insert(key);
    const auto it = m_object.find(key);
    if (it == m_object.end() || it->is_null()) {
        if (need == Required)
            m_diag.error(path(key), QStringLiteral("is required"));
        return nullptr;
    }
    return &*it;
}

void FixtureFields::typeError(const char *key, const char *expected, const json &got)
{
    m_diag.error(path(key), QStringLiteral("must be %1, not %2").arg(QLatin1String(expected), qs(got.type_name())));
}

QString FixtureFields::text(const char *key, Need need)
{
    const json *v = value(key, need);
    if (!v)
        return {};
    if (!v->is_string()) {
        typeError(key, "a string", *v);
        return {};
    }
    const QString s = qs(v->get<std::string>());
    if (need == Required && s.trimmed().isEmpty())
        m_diag.error(path(key), QStringLiteral("must not be empty"));
    return s;
}

QString FixtureFields::id(const char *key, Need need)
{
    const QString s = text(key, need);
    if (s.isEmpty())
        return s;
    bool clean = s.size() <= 64;
    for (const QChar c : s)
        clean = clean && !c.isSpace() && c.category() != QChar::Other_Control;
    if (!clean)
        m_diag.error(path(key), QStringLiteral("'%1' is not an id (at most 64 characters, no spaces)").arg(s));
    return s;
}

QString FixtureFields::oneOf(const char *key, const QStringList &allowed, Need need, const QString &fallback)
{
    const QString s = text(key, need);
    if (s.isEmpty())
        return fallback;
    if (!allowed.contains(s)) {
        m_diag.error(path(key), notOneOf(s, allowed));
        return fallback;
    }
    return s;
}

int FixtureFields::integer(const char *key, int min, int max, int fallback, Need need)
{
    const json *v = value(key, need);
    if (!v)
        return fallback;
    // 2.0 is accepted as 2; 2.5 is not a count.
    const bool integral = v->is_number_integer() || (v->is_number_float() && std::trunc(v->get<double>()) == v->get<double>());
    if (!integral) {
        typeError(key, "a whole number", *v);
        return fallback;
    }
    const double d = v->get<double>();
    if (d < min || d > max) {
        m_diag.error(path(key), QStringLiteral("%1 is outside %2 to %3").arg(qs(v->dump())).arg(min).arg(max));
        return fallback;
    }
    return int(d);
}

double FixtureFields::number(const char *key, double min, double max, double fallback, Need need)
{
    const json *v = value(key, need);
    if (!v)
        return fallback;
    if (!v->is_number()) {
        typeError(key, "a number", *v);
        return fallback;
    }
    const double d = v->get<double>();
    if (!(d >= min && d <= max)) {
        m_diag.error(path(key), QStringLiteral("%1 is outside %2 to %3").arg(qs(v->dump())).arg(min).arg(max));
        return fallback;
    }
    return d;
}

qint64 FixtureFields::money(const char *key, const QString &currency, Need need)
{
    const json *v = value(key, need);
    if (!v)
        return 0;
    QString problem;
    const std::optional<qint64> minor = decimalToMinor(*v, currency, &problem);
    if (!minor) {
        m_diag.error(path(key), problem);
        return 0;
    }
    if (*minor < 0) {
        m_diag.error(path(key), QStringLiteral("%1 must not be negative").arg(qs(v->dump())));
        return 0;
    }
    return *minor;
}

QString FixtureFields::currency(const char *key, Need need)
{
    const QString s = text(key, need);
    if (!s.isEmpty() && !isCurrencyCode(s)) {
        m_diag.error(path(key), QStringLiteral("'%1' is not an ISO 4217 currency code (e.g. INR, USD)").arg(s));
        return QStringLiteral("XXX");
    }
    return s;
}

QDateTime FixtureFields::instant(const char *key, Need need)
{
    const QString s = text(key, need);
    if (s.isEmpty())
        return {};
    const QDateTime t = parseIso(s);
    if (!t.isValid()) {
        m_diag.error(path(key), QStringLiteral("'%1' is not an ISO-8601 time with offset "
                                               "(e.g. 2026-11-20T10:15:00+05:30)").arg(s));
        return {};
    }
    return t.toUTC();
}

QDate FixtureFields::date(const char *key, Need need)
{
    const QString s = text(key, need);
    if (s.isEmpty())
        return {};
    const QDate d = QDate::fromString(s, Qt::ISODate);
    if (s.size() != 10 || !d.isValid()) {
        m_diag.error(path(key), QStringLiteral("'%1' is not a date in the form YYYY-MM-DD").arg(s));
        return {};
    }
    return d;
}

const json &FixtureFields::array(const char *key, Need need, const char *emptyProblem)
{
    const json *v = value(key, need);
    if (!v)
        return emptyArray();
    if (!v->is_array()) {
        typeError(key, "an array", *v);
        return emptyArray();
    }
    if (v->empty() && emptyProblem)
        m_diag.error(path(key), QLatin1String(emptyProblem));
    return *v;
}

const json &FixtureFields::object(const char *key, Need need)
{
    const json *v = value(key, need);
    if (!v)
        return emptyObject();
    if (!v->is_object()) {
        typeError(key, "an object", *v);
        return emptyObject();
    }
    return *v;
}

void FixtureFields::finish()
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_read.count(it.key()))
            m_diag.warn(child(qs(it.key())), QStringLiteral("unknown key, ignored"));
    }
}

} // namespace ringside::commerce
