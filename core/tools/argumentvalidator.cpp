#include "argumentvalidator.h"

#include "util/phone.h"

#include <QDate>
#include <QRegularExpression>

#include <cmath>

namespace ringside {

namespace {

ToolError fail(const char *code, const QString &field, const QString &message)
{
    return { QLatin1String(code), message, field };
}

QString joinPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString kindOf(const json &v)
{
    switch (v.type()) {
    case json::value_t::string: return QStringLiteral("a string");
    case json::value_t::boolean: return QStringLiteral("a boolean");
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return QStringLiteral("an integer");
    case json::value_t::number_float: return QStringLiteral("a number");
    case json::value_t::array: return QStringLiteral("an array");
    case json::value_t::object: return QStringLiteral("an object");
    case json::value_t::null: return QStringLiteral("null");
    default: return QStringLiteral("an unsupported value");
    }
}

// A short rendering of the offending value for messages, so a log line shows what was sent.
QString shown(const json &v)
{
    QString s = qs(v.dump(-1, ' ', false, json::error_handler_t::replace));
    return s.size() > 60 ? s.left(57) + QStringLiteral("...") : s;
}

QString article(const QString &type)
{
    return (type == QLatin1String("integer") || type == QLatin1String("array") || type == QLatin1String("object"))
            ? QStringLiteral("an ") + type
            : QStringLiteral("a ") + type;
}

QString naturalOr(const QStringList &names)
{
    if (names.size() <= 1)
        return names.value(0);
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" or ") + names.last();
}

bool isBlank(const json &v)
{
    return v.is_string() && qs(v.get<std::string>()).trimmed().isEmpty();
}

// Normalises `value` to `type` where that loses nothing (2.0 → 2); false on a real mismatch.
bool matchType(const QString &type, json &value)
{
    if (type == QLatin1String("string"))
        return value.is_string();
    if (type == QLatin1String("boolean"))
        return value.is_boolean();
    if (type == QLatin1String("number"))
        return value.is_number();
    if (type == QLatin1String("array"))
        return value.is_array();
    if (type == QLatin1String("object"))
        return value.is_object();
    if (type == QLatin1String("integer")) {
        if (value.is_number_integer())
            return true;
        if (value.is_number_float()) {
            const double d = value.get<double>();
            if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) {
                value = static_cast<qint64>(d);
                return true;
            }
        }
        return false;
    }
    return true; // no type constraint
}

std::optional<ToolError> checkEnum(const json &schema, json &value, const QString &path)
{
    const auto it = schema.find("enum");
    if (it == schema.end())
        return std::nullopt;
    QStringList allowed;
    for (const json &option : *it) {
        if (option == value)
            return std::nullopt;
        allowed << qs(option.dump());
    }
    // Spoken or LLM-written values sometimes differ only in case ("BlueDart"): accept and fix.
    if (value.is_string()) {
        const QString given = qs(value.get<std::string>()).trimmed();
        for (const json &option : *it) {
            if (option.is_string() && given.compare(qs(option.get<std::string>()), Qt::CaseInsensitive) == 0) {
                value = option;
                return std::nullopt;
            }
        }
    }
    for (QString &a : allowed)
        a.remove(QLatin1Char('"'));
    return fail("invalid_value", path,
                QStringLiteral("%1: %2 is not an allowed value; use one of: %3")
                        .arg(path, shown(value), allowed.join(QStringLiteral(", "))));
}

std::optional<ToolError> validateObject(const json &schema, json &value, const QString &path)
{
    const json properties = schema.value("properties", json::object());
    // Drop nulls first: an explicit null means "not given".
    for (auto it = value.begin(); it != value.end();) {
        if (it->is_null())
            it = value.erase(it);
        else
            ++it;
    }
    QStringList accepted;
    for (auto it = properties.begin(); it != properties.end(); ++it)
        accepted << qs(it.key());
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (!properties.contains(it.key())) {
            const QString field = joinPath(path, qs(it.key()));
            return fail("unknown_argument", field,
                        QStringLiteral("%1: unknown argument; accepted: %2")
                                .arg(field, accepted.join(QStringLiteral(", "))));
        }
    }
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        auto v = value.find(it.key());
        if (v == value.end())
            continue;
        if (auto error = validateAgainstSchema(it.value(), *v, joinPath(path, qs(it.key()))))
            return error;
    }
    for (const json &name : schema.value("required", json::array())) {
        const QString field = joinPath(path, qs(name.get<std::string>()));
        const auto v = value.find(name.get<std::string>());
        if (v == value.end())
            return fail("missing_argument", field, QStringLiteral("%1: required argument is missing").arg(field));
        if (isBlank(*v))
            return fail("invalid_value", field, QStringLiteral("%1: must not be empty").arg(field));
    }
    return std::nullopt;
}

// Every value at a check's path ("items[].quantity" visits each element's quantity); absent
// ones come with a null pointer so "required" can report them.
struct Site {
    QString field;
    json *value;        // nullptr when absent
};

void collectSites(json &root, const QStringList &segments, int index, const QString &prefix, std::vector<Site> &out)
{
    if (index == segments.size())
        return;
    QString seg = segments.at(index);
    const bool each = seg.endsWith(QLatin1String("[]"));
    if (each)
        seg.chop(2);
    const QString field = joinPath(prefix, seg);
    if (!root.is_object())
        return;
    const auto it = root.find(seg.toStdString());
    const bool last = index == segments.size() - 1;
    if (!each) {
        if (last)
            out.push_back({ field, it == root.end() ? nullptr : &*it });
        else if (it != root.end())
            collectSites(*it, segments, index + 1, field, out);
        return;
    }
    if (it == root.end() || !it->is_array())
        return;
    for (size_t i = 0; i < it->size(); ++i) {
        const QString elementField = QStringLiteral("%1[%2]").arg(field).arg(i);
        if (last)
            out.push_back({ elementField, &(*it)[i] });
        else
            collectSites((*it)[i], segments, index + 1, elementField, out);
    }
}

std::optional<ToolError> applyCheck(const QString &check, const Site &site)
{
    if (check == QLatin1String("required")) {
        if (!site.value)
            return fail("missing_argument", site.field, QStringLiteral("%1: required argument is missing").arg(site.field));
        if (isBlank(*site.value))
            return fail("invalid_value", site.field, QStringLiteral("%1: must not be empty").arg(site.field));
        return std::nullopt;
    }
    if (!site.value)
        return std::nullopt; // optional and absent: nothing to check
    const json &v = *site.value;
    if (check == QLatin1String("quantity")) {
        // The upper bound keeps a misheard "five lakh" from reaching int arithmetic in handlers.
        constexpr qint64 kMaxQuantity = 1'000'000;
        if (v.is_number_integer() && v.get<qint64>() >= 1 && v.get<qint64>() <= kMaxQuantity)
            return std::nullopt;
        return fail("invalid_value", site.field,
                    QStringLiteral("%1: must be from 1 to %2, got %3").arg(site.field).arg(kMaxQuantity).arg(shown(v)));
    }
    if (check == QLatin1String("non_empty")) {
        if (!v.empty())
            return std::nullopt;
        return fail("invalid_value", site.field, QStringLiteral("%1: must list at least one entry").arg(site.field));
    }
    if (check == QLatin1String("date")) {
        if (v.is_string() && parseIsoDate(qs(v.get<std::string>()).trimmed()))
            return std::nullopt;
        return fail("invalid_value", site.field,
                    QStringLiteral("%1: %2 is not a calendar date; use YYYY-MM-DD, e.g. 2026-11-28").arg(site.field, shown(v)));
    }
    if (check == QLatin1String("phone")) {
        const QString raw = v.is_string() ? qs(v.get<std::string>()) : QString();
        // Letters mean words, not a number ("call me later"); 7–15 digits covers every plan.
        static const QRegularExpression letters(QStringLiteral("[A-Za-z]"));
        QString digits = phoneDigits(raw);
        digits.remove(QLatin1Char('+'));
        if (!raw.contains(letters) && digits.size() >= 7 && digits.size() <= 15)
            return std::nullopt;
        return fail("invalid_value", site.field,
                    QStringLiteral("%1: %2 is not a phone number; give the digits, e.g. +91 98123 45678").arg(site.field, shown(v)));
    }
    // An unknown check name is a catalogue defect; say so rather than silently pass.
    return fail("internal", site.field, QStringLiteral("unknown check '%1' in the tool catalogue").arg(check));
}

} // namespace

bool parseIsoDate(const QString &text, QDate *date)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!shape.match(text).hasMatch())
        return false;
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        return false;
    if (date)
        *date = d;
    return true;
}

std::optional<ToolError> validateAgainstSchema(const json &schema, json &value, const QString &path)
{
    const QString type = schema.contains("type") ? qs(schema.at("type").get<std::string>()) : QString();
    if (!matchType(type, value))
        return fail("invalid_type", path, QStringLiteral("%1: expected %2, got %3 (%4)")
                                                 .arg(path, article(type), kindOf(value), shown(value)));
    if (auto error = checkEnum(schema, value, path))
        return error;
    if (value.is_object() && (type == QLatin1String("object") || schema.contains("properties")))
        return validateObject(schema, value, path);
    if (value.is_array() && schema.contains("items")) {
        for (size_t i = 0; i < value.size(); ++i) {
            json &element = value[i];
            if (element.is_null())
                return fail("invalid_type", QStringLiteral("%1[%2]").arg(path).arg(i),
                            QStringLiteral("%1[%2]: expected %3, got null").arg(path).arg(i)
                                    .arg(article(qs(schema.at("items").value("type", std::string("value"))))));
            if (auto error = validateAgainstSchema(schema.at("items"), element, QStringLiteral("%1[%2]").arg(path).arg(i)))
                return error;
        }
    }
    return std::nullopt;
}

ValidatedArguments validateArguments(const ToolDefinition &tool, const json &arguments)
{
    ValidatedArguments result;
    result.arguments = arguments.is_null() ? json::object() : arguments;
    if (!result.arguments.is_object()) {
        result.error = fail("invalid_arguments", QString(),
                            QStringLiteral("arguments for %1 must be a JSON object, got %2")
                                    .arg(tool.name, kindOf(result.arguments)));
        return result;
    }
    if ((result.error = validateAgainstSchema(tool.parameters, result.arguments, QString())))
        return result;

    if (!tool.requireOneOf.isEmpty()) {
        bool any = false;
        for (const QString &name : tool.requireOneOf) {
            const auto it = result.arguments.find(name.toStdString());
            any = any || (it != result.arguments.end() && !isBlank(*it));
        }
        if (!any) {
            result.error = fail("missing_argument", tool.requireOneOf.join(QLatin1Char('|')),
                                QStringLiteral("%1 needs %2")
                                        .arg(tool.name, naturalOr(tool.requireOneOf)));
            return result;
        }
    }

    for (auto it = tool.checks.begin(); it != tool.checks.end(); ++it) {
        std::vector<Site> sites;
        collectSites(result.arguments, qs(it.key()).split(QLatin1Char('.')), 0, QString(), sites);
        for (const Site &site : sites) {
            for (const json &check : it.value()) {
                if ((result.error = applyCheck(qs(check.get<std::string>()), site)))
                    return result;
            }
        }
    }
    return result;
}

} // namespace ringside
