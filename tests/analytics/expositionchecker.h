#pragma once
// A strict reader of the Prometheus text exposition format 0.0.4, for tests: it parses what a
// scraper would and lists every rule the text breaks (see
// https://prometheus.io/docs/instrumenting/exposition_formats/).

#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include <cmath>
#include <vector>

namespace exposition {

struct Sample {
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

struct Parsed {
    QStringList errors;
    std::vector<Sample> samples;
    QMap<QString, QString> types; // family → type

    // The value of the sample `name` with exactly `labels`, or NaN.
    double value(const QString &name, const QMap<QString, QString> &labels = {}) const
    {
        for (const Sample &s : samples) {
            if (s.name == name && s.labels == labels)
                return s.value;
        }
        return std::nan("");
    }
};

inline bool parseNumber(const QString &text, double *out)
{
    if (text == QLatin1String("+Inf")) { *out = INFINITY; return true; }
    if (text == QLatin1String("-Inf")) { *out = -INFINITY; return true; }
    if (text == QLatin1String("NaN")) { *out = std::nan(""); return true; }
    bool ok = false;
    *out = text.toDouble(&ok);
    return ok;
}

// The family a sample belongs to, given the declared types.
inline QString familyOf(const QString &name, const QMap<QString, QString> &types)
{
    for (const char *suffix : { "_bucket", "_sum", "_count" }) {
        if (name.endsWith(QLatin1String(suffix))) {
            const QString base = name.chopped(int(qstrlen(suffix)));
            if (types.value(base) == QLatin1String("histogram") || types.value(base) == QLatin1String("summary"))
                return base;
        }
    }
    return name;
}

// Labels: name="value",… with only \\ \" \n escapes. Returns false and an error on bad syntax.
inline bool parseLabels(const QString &s, qsizetype &i, QMap<QString, QString> *labels, QString *error)
{
    static const QRegularExpression labelName(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    ++i; // '{'
    while (i < s.size() && s.at(i) != QLatin1Char('}')) {
        const qsizetype eq = s.indexOf(QLatin1Char('='), i);
        if (eq < 0) { *error = QStringLiteral("label without '='"); return false; }
        const QString name = s.mid(i, eq - i);
        if (!labelName.match(name).hasMatch() || name.startsWith(QLatin1String("__"))) {
            *error = QStringLiteral("bad label name '%1'").arg(name);
            return false;
        }
        if (labels->contains(name)) { *error = QStringLiteral("duplicate label '%1'").arg(name); return false; }
        i = eq + 1;
        if (i >= s.size() || s.at(i) != QLatin1Char('"')) { *error = QStringLiteral("label value not quoted"); return false; }
        ++i;
        QString value;
        while (true) {
            if (i >= s.size()) { *error = QStringLiteral("unterminated label value"); return false; }
            const QChar c = s.at(i++);
            if (c == QLatin1Char('"'))
                break;
            if (c == QLatin1Char('\\')) {
                if (i >= s.size()) { *error = QStringLiteral("dangling backslash"); return false; }
                const QChar e = s.at(i++);
                if (e == QLatin1Char('\\')) value += QLatin1Char('\\');
                else if (e == QLatin1Char('"')) value += QLatin1Char('"');
                else if (e == QLatin1Char('n')) value += QLatin1Char('\n');
                else { *error = QStringLiteral("bad escape \\%1").arg(e); return false; }
            } else {
                value += c;
            }
        }
        labels->insert(name, value);
        if (i < s.size() && s.at(i) == QLatin1Char(',')) {
            ++i;
            if (i < s.size() && s.at(i) == QLatin1Char('}')) { *error = QStringLiteral("trailing comma"); return false; }
        }
    }
    if (i >= s.size()) { *error = QStringLiteral("unterminated label set"); return false; }
    ++i; // '}'
    return true;
}

inline void checkHistograms(Parsed &p)
{
    for (auto it = p.types.cbegin(); it != p.types.cend(); ++it) {
        if (it.value() != QLatin1String("histogram"))
            continue;
        const QString base = it.key();
        QMap<QString, std::vector<std::pair<double, double>>> buckets; // label set (without le) → (le, count)
        QMap<QString, double> counts, sums;
        for (const Sample &s : p.samples) {
            QMap<QString, QString> rest = s.labels;
            const QString le = rest.take(QStringLiteral("le"));
            QStringList keyParts;
            for (auto l = rest.cbegin(); l != rest.cend(); ++l)
                keyParts << l.key() + QLatin1Char('=') + l.value();
            const QString key = keyParts.join(QLatin1Char(','));
            if (s.name == base + QLatin1String("_bucket")) {
                double bound = 0;
                if (le.isNull() || !parseNumber(le, &bound))
                    p.errors << QStringLiteral("%1_bucket{%2} has no numeric le").arg(base, key);
                buckets[key].push_back({ bound, s.value });
            } else if (s.name == base + QLatin1String("_count")) {
                counts[key] = s.value;
            } else if (s.name == base + QLatin1String("_sum")) {
                sums[key] = s.value;
            }
        }
        for (auto b = buckets.cbegin(); b != buckets.cend(); ++b) {
            const auto &list = b.value();
            for (size_t i = 1; i < list.size(); ++i) {
                if (!(list[i].first > list[i - 1].first))
                    p.errors << QStringLiteral("%1{%2}: le bounds not ascending").arg(base, b.key());
                if (list[i].second < list[i - 1].second)
                    p.errors << QStringLiteral("%1{%2}: buckets not cumulative").arg(base, b.key());
            }
            if (list.empty() || !std::isinf(list.back().first))
                p.errors << QStringLiteral("%1{%2}: no le=\"+Inf\" bucket last").arg(base, b.key());
            else if (!counts.contains(b.key()) || counts.value(b.key()) != list.back().second)
                p.errors << QStringLiteral("%1{%2}: _count differs from the +Inf bucket").arg(base, b.key());
            if (!sums.contains(b.key()))
                p.errors << QStringLiteral("%1{%2}: no _sum").arg(base, b.key());
        }
    }
}

inline Parsed parse(const QString &text)
{
    static const QRegularExpression metricName(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
    static const QStringList validTypes = { QStringLiteral("counter"), QStringLiteral("gauge"), QStringLiteral("histogram"),
                                            QStringLiteral("summary"), QStringLiteral("untyped") };
    Parsed p;
    if (text.isEmpty() || !text.endsWith(QLatin1Char('\n')))
        p.errors << QStringLiteral("text must end with a line feed");
    if (text.contains(QLatin1Char('\r')))
        p.errors << QStringLiteral("carriage return in text");
    QSet<QString> helped, finished, seen, sampleKeys;
    QString current;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int n = 0; n < lines.size() - 1; ++n) {
        const QString line = lines.at(n);
        const QString where = QStringLiteral("line %1: ").arg(n + 1);
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(QLatin1Char('#'))) {
            const QStringList parts = line.split(QLatin1Char(' '));
            if (parts.size() >= 3 && (parts[1] == QLatin1String("HELP") || parts[1] == QLatin1String("TYPE"))) {
                const QString name = parts[2];
                if (!metricName.match(name).hasMatch())
                    p.errors << where + QStringLiteral("bad metric name '%1'").arg(name);
                if (parts[1] == QLatin1String("HELP")) {
                    if (helped.contains(name))
                        p.errors << where + QStringLiteral("second HELP for %1").arg(name);
                    helped.insert(name);
                } else {
                    if (p.types.contains(name))
                        p.errors << where + QStringLiteral("second TYPE for %1").arg(name);
                    if (parts.size() != 4 || !validTypes.contains(parts[3]))
                        p.errors << where + QStringLiteral("bad TYPE line");
                    if (seen.contains(name))
                        p.errors << where + QStringLiteral("TYPE for %1 after its samples").arg(name);
                    p.types.insert(name, parts.value(3));
                }
            }
            continue;
        }
        Sample s;
        qsizetype i = 0;
        while (i < line.size() && line.at(i) != QLatin1Char('{') && line.at(i) != QLatin1Char(' '))
            ++i;
        s.name = line.left(i);
        if (!metricName.match(s.name).hasMatch()) {
            p.errors << where + QStringLiteral("bad metric name '%1'").arg(s.name);
            continue;
        }
        QString error;
        if (i < line.size() && line.at(i) == QLatin1Char('{') && !parseLabels(line, i, &s.labels, &error)) {
            p.errors << where + error;
            continue;
        }
        const QStringList rest = line.mid(i).trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (rest.isEmpty() || rest.size() > 2 || !parseNumber(rest.first(), &s.value)) {
            p.errors << where + QStringLiteral("bad value in '%1'").arg(line);
            continue;
        }
        const QString family = familyOf(s.name, p.types);
        if (family != current) {
            if (finished.contains(family))
                p.errors << where + QStringLiteral("samples of %1 are not together").arg(family);
            if (!current.isEmpty())
                finished.insert(current);
            current = family;
        }
        seen.insert(family);
        const QString type = p.types.value(family);
        if (type == QLatin1String("counter") && (!s.name.endsWith(QLatin1String("_total")) || s.value < 0))
            p.errors << where + QStringLiteral("counter %1 must end in _total and not be negative").arg(s.name);
        QStringList key { s.name };
        for (auto l = s.labels.cbegin(); l != s.labels.cend(); ++l)
            key << l.key() + QLatin1Char('=') + l.value();
        if (sampleKeys.contains(key.join(QLatin1Char('\x1f'))))
            p.errors << where + QStringLiteral("duplicate sample %1").arg(line);
        sampleKeys.insert(key.join(QLatin1Char('\x1f')));
        p.samples.push_back(s);
    }
    checkHistograms(p);
    return p;
}

} // namespace exposition
