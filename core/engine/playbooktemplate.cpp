#include "engine/playbooktemplate.h"

#include "agent/template.h"
#include "engine/playbookvocabulary.h"
#include "tools/orderstatus.h"
#include "tools/speaker.h"
#include "tools/speechformat.h"
#include "util/clock.h"

#include <QHash>
#include <QRegularExpression>

#include <cmath>

namespace ringside::playbook {

namespace {

bool isPathSegment(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_')))
            return false;
    }
    return true;
}

bool isPath(const QString &path)
{
    const QList<QStringView> parts = QStringView(path).split(QLatin1Char('.'));
    for (const QStringView p : parts) {
        if (!isPathSegment(p))
            return false;
    }
    return true;
}

// Parses the inside of {{ … }}: "path" or "helper(path)".
void parseInside(const QString &inside, Expression *e)
{
    const QString body = inside.trimmed();
    if (body.isEmpty()) {
        e->problem = QStringLiteral("empty {{}}");
        return;
    }
    const qsizetype open = body.indexOf(QLatin1Char('('));
    if (open >= 0) {
        if (!body.endsWith(QLatin1Char(')'))) {
            e->problem = QStringLiteral("\"%1\": a helper call must end with ')'").arg(body);
            return;
        }
        e->helper = body.left(open).trimmed();
        e->path = body.mid(open + 1, body.size() - open - 2).trimmed();
        if (!templateHelpers().contains(e->helper)) {
            e->problem = QStringLiteral("unknown helper \"%1\" (known: %2)").arg(e->helper, templateHelpers().join(QStringLiteral(", ")));
            return;
        }
    } else {
        e->path = body;
    }
    if (!isPath(e->path))
        e->problem = QStringLiteral("\"%1\" is not a path (names of letters, digits and '_' joined by '.')").arg(e->path);
}

QDate dateOf(const json &value)
{
    if (!value.is_string())
        return {};
    const QString s = qs(value.get<std::string>()).trimmed();
    if (s.size() == 10)
        return QDate::fromString(s, Qt::ISODate);
    const QDateTime t = parseIso(s);
    return t.isValid() ? t.date() : QDate(); // the date in the offset the instant was written with
}

QTime timeOf(const json &value)
{
    if (!value.is_string())
        return {};
    const QDateTime t = parseIso(qs(value.get<std::string>()).trimmed());
    return t.isValid() ? t.time() : QTime();
}

double numberOf(const json &value, bool *ok)
{
    *ok = true;
    if (value.is_number())
        return value.get<double>();
    if (value.is_string())
        return qs(value.get<std::string>()).toDouble(ok);
    *ok = false;
    return 0;
}

QString lowerFirst(const QString &s)
{
    if (s.size() >= 2 && s.at(0).isUpper() && s.at(1).isUpper())
        return s; // an acronym ("DHL delayed it")
    if (s.isEmpty())
        return s;
    return s.at(0).toLower() + s.mid(1);
}

QString applyHelper(const QString &helper, const json &value, const SpeechStyle &style)
{
    const Speaker say(style.language, style.zone, style.now.isValid() ? style.now : QDateTime::currentDateTimeUtc());
    if (helper == QLatin1String("count"))
        return value.is_array() || value.is_object() ? QString::number(value.size()) : QString();
    if (helper == QLatin1String("money")) {
        bool ok = false;
        const double amount = numberOf(value, &ok);
        if (!ok || style.currency.isEmpty())
            return {};
        const qint64 minor = std::llround(amount * std::pow(10.0, currencyExponent(style.currency)));
        return spokenMoney(Money{ minor, style.currency }, style.language);
    }
    const QString text = valueText(value, style.language);
    if (text.isEmpty())
        return {};
    if (helper == QLatin1String("spell"))
        return spellId(text);
    if (helper == QLatin1String("carrier"))
        return carrierDisplayName(text);
    if (helper == QLatin1String("status"))
        return statusWords(text);
    if (helper == QLatin1String("slot"))
        return spokenSlot(text, style.language);
    if (helper == QLatin1String("lcfirst"))
        return lowerFirst(text);
    if (helper == QLatin1String("time")) {
        const QTime t = timeOf(value);
        return t.isValid() ? spokenTime(t, style.language) : QString();
    }
    const QDate d = dateOf(value);
    if (!d.isValid())
        return {};
    if (helper == QLatin1String("date"))
        return say.date(d);
    if (helper == QLatin1String("day"))
        return say.day(d);
    if (helper == QLatin1String("onday"))
        return onDay(say, d);
    return {};
}

} // namespace

const json *lookup(const json &root, const QString &path)
{
    const QList<QStringView> parts = QStringView(path).split(QLatin1Char('.'));
    if (parts.isEmpty() || !root.is_object())
        return nullptr;
    const std::string first = parts.first().toString().toStdString();
    const json *at = nullptr;
    if (auto it = root.find(first); it != root.end()) {
        at = &*it;
    } else if (auto vars = root.find("vars"); vars != root.end() && vars->is_object()) {
        if (auto v = vars->find(first); v != vars->end())
            at = &*v;
    }
    for (qsizetype i = 1; at && i < parts.size(); ++i) {
        const QString key = parts.at(i).toString();
        if (at->is_object()) {
            auto it = at->find(key.toStdString());
            at = it == at->end() ? nullptr : &*it;
        } else if (at->is_array()) {
            bool ok = false;
            const int index = key.toInt(&ok);
            at = ok && index >= 0 && size_t(index) < at->size() ? &(*at)[size_t(index)] : nullptr;
        } else {
            at = nullptr;
        }
    }
    return at;
}

bool isPresent(const json *value)
{
    if (!value || value->is_null())
        return false;
    if (value->is_boolean())
        return value->get<bool>();
    if (value->is_string())
        return !value->get<std::string>().empty();
    if (value->is_array() || value->is_object())
        return !value->empty();
    return true;
}

QString valueText(const json &value, const QString &language)
{
    if (value.is_string())
        return qs(value.get<std::string>());
    if (value.is_number_integer())
        return QString::number(value.get<qint64>());
    if (value.is_number())
        return QString::number(value.get<double>());
    if (value.is_boolean())
        return value.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.is_array()) {
        QStringList parts;
        for (const json &v : value) {
            if (!v.is_string())
                return {};
            parts << qs(v.get<std::string>());
        }
        return naturalList(parts, language);
    }
    return {};
}

QList<Expression> scanExpressions(const QString &text)
{
    QList<Expression> out;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), from);
        if (open < 0)
            break;
        Expression e;
        e.start = open;
        const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0) {
            e.length = text.size() - open;
            e.problem = QStringLiteral("\"{{\" is never closed");
            out << e;
            break;
        }
        e.length = close + 2 - open;
        parseInside(text.mid(open + 2, close - open - 2), &e);
        out << e;
        from = close + 2;
    }
    return out;
}

QStringList templateProblems(const QString &text)
{
    QStringList out;
    for (const Expression &e : scanExpressions(text)) {
        if (!e.problem.isEmpty())
            out << e.problem;
    }
    return out;
}

QString evaluate(const Expression &expression, const json &root, const SpeechStyle &style)
{
    if (!expression.problem.isEmpty())
        return {};
    const json *value = lookup(root, expression.path);
    if (!value || value->is_null())
        return {};
    if (expression.helper.isEmpty()) {
        const QString text = valueText(*value, style.language);
        return style.spellIds && looksLikeId(text.trimmed()) ? spellId(text.trimmed()) : text;
    }
    return applyHelper(expression.helper, *value, style);
}

Rendered render(const QString &text, const json &root, const SpeechStyle &style)
{
    // Each expression becomes {{vN}} so the agent template layer can drop missing ones and tidy
    // the sentence around them exactly as it does in greetings.
    const QList<Expression> expressions = scanExpressions(text);
    if (expressions.isEmpty())
        return { text, {} };
    Rendered out;
    QString rewritten;
    QHash<QString, QString> values;
    qsizetype from = 0;
    for (int i = 0; i < expressions.size(); ++i) {
        const Expression &e = expressions.at(i);
        rewritten += text.mid(from, e.start - from);
        const QString name = QStringLiteral("v%1").arg(i);
        rewritten += QStringLiteral("{{") + name + QStringLiteral("}}");
        from = e.start + e.length;
        const QString value = evaluate(e, root, style);
        if (value.trimmed().isEmpty())
            out.missing << (e.helper.isEmpty() ? e.path : e.helper + QLatin1Char('(') + e.path + QLatin1Char(')'));
        else
            values.insert(name, value);
    }
    rewritten += text.mid(from);
    out.text = renderTemplate(rewritten, values).text;
    return out;
}

json renderValue(const json &value, const json &root, const SpeechStyle &style, QStringList *missing)
{
    if (value.is_string()) {
        const QString text = qs(value.get<std::string>());
        const QList<Expression> expressions = scanExpressions(text);
        if (expressions.size() == 1 && expressions.first().start == 0 && expressions.first().length == text.size()
            && expressions.first().helper.isEmpty() && expressions.first().problem.isEmpty()) {
            const json *v = lookup(root, expressions.first().path);
            if (!isPresent(v) && !(v && v->is_boolean())) {
                missing->append(expressions.first().path);
                return nullptr;
            }
            return *v;
        }
        const Rendered r = render(text, root, style);
        missing->append(r.missing);
        const QString trimmed = r.text.trimmed();
        return trimmed.isEmpty() ? json(nullptr) : json(trimmed);
    }
    if (value.is_array()) {
        json out = json::array();
        for (const json &v : value)
            out.push_back(renderValue(v, root, style, missing));
        return out;
    }
    if (value.is_object()) {
        json out = json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            json v = renderValue(it.value(), root, style, missing);
            if (!v.is_null())
                out[it.key()] = std::move(v);
        }
        return out;
    }
    return value;
}

} // namespace ringside::playbook
