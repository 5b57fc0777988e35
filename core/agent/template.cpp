#include "agent/template.h"

#include "agent/agentschema.h"

#include <utility>

namespace ringside {

namespace {

// Marks a removed placeholder while the rendered text is tidied. U+FFFF is a Unicode
// noncharacter, so it never occurs in a greeting or prompt.
constexpr QChar removedMark = QChar(0xFFFF);

bool isHorizontalSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

bool isClosingPunctuation(QChar c)
{
    return c == u'.' || c == u',' || c == u';' || c == u':' || c == u'!' || c == u'?';
}

bool isWeakPunctuation(QChar c)
{
    return c == u',' || c == u';' || c == u':';
}

bool isSentenceEnd(QChar c)
{
    return c == u'.' || c == u'!' || c == u'?';
}


// One piece of a template: literal text, a placeholder, or malformed braces to drop.
struct Piece {
    enum Kind { Literal, Variable, Malformed } kind;
    qsizetype start;
    qsizetype length;
    QString name;
};

QList<Piece> tokenise(const QString &text, QList<TemplateIssue> *issues)
{
    QList<Piece> pieces;
    qsizetype pos = 0;
    qsizetype literalStart = 0;
    auto flushLiteral = [&](qsizetype end) {
        if (end > literalStart)
            pieces.append({ Piece::Literal, literalStart, end - literalStart, {} });
    };
    while (true) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), pos);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
        const qsizetype nextOpen = text.indexOf(QLatin1String("{{"), open + 2);
        flushLiteral(open);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
            issues->append(templateIssueAt(text, open, QStringLiteral("'{{' is never closed with '}}'")));
            pieces.append({ Piece::Malformed, open, 2, {} });
            pos = literalStart = open + 2;
            continue;
        }
        const QString name = text.mid(open + 2, close - open - 2).trimmed();
        const qsizetype length = close + 2 - open;
        if (name.isEmpty()) {
            issues->append(templateIssueAt(text, open, QStringLiteral("empty placeholder '%1'").arg(text.mid(open, length))));
            pieces.append({ Piece::Malformed, open, length, {} });
        } else if (!isIdentifier(name)) {
            issues->append(templateIssueAt(text, open,
                QStringLiteral("'%1' is not a variable name (use letters, digits and _)").arg(text.mid(open, length))));
            pieces.append({ Piece::Malformed, open, length, {} });
        } else {
            pieces.append({ Piece::Variable, open, length, name });
        }
        pos = literalStart = close + 2;
    }
    flushLiteral(text.size());
    return pieces;
}

qsizetype trailingSpaces(const QString &s)
{
    qsizetype n = 0;
    while (n < s.size() && isHorizontalSpace(s.at(s.size() - 1 - n)))
        ++n;
    return n;
}

qsizetype leadingSpaces(const QString &s, qsizetype from = 0)
{
    qsizetype n = from;
    while (n < s.size() && isHorizontalSpace(s.at(n)))
        ++n;
    return n - from;
}

// Joins the text around one removed placeholder so the sentence still reads.
QString joinAcrossGap(QString left, QString right)
{
    const qsizetype leftSpaces = trailingSpaces(left);
    const qsizetype rightSpaces = leadingSpaces(right);
    const bool hadSpace = leftSpaces > 0 || rightSpaces > 0;
    left.chop(leftSpaces);
    right.remove(0, rightSpaces);

    const bool lineStart = left.isEmpty() || left.back() == u'\n';
    const bool lineEnd = right.isEmpty() || right.front() == u'\n';
    const QChar l = lineStart ? QChar() : left.back();
    const QChar r = lineEnd ? QChar() : right.front();
    const QString space = hadSpace ? QStringLiteral(" ") : QString();

    // Two gaps in a row ("{{a}} {{b}}"): let the next round see one gap.
    if (r == removedMark)
        return left + (lineStart ? QString() : space) + right;
    // "order ({{id}})" → drop the empty brackets too, then tidy again.
    if ((l == u'(' && r == u')') || (l == u'[' && r == u']')) {
        left.chop(1);
        right.remove(0, 1);
        return left + (hadSpace ? QStringLiteral(" ") : QString()) + removedMark + right;
    }
    if (lineEnd)
        return left + right;
    if (isClosingPunctuation(r)) {
        if (lineStart || isSentenceEnd(l)) {
            // "{{x}}. Hello" or "Done. {{x}}. Next": the orphaned mark goes.
            right.remove(0, 1);
            right.remove(0, leadingSpaces(right));
            const bool needSpace = !lineStart && !right.isEmpty() && right.front() != u'\n';
            return left + (needSpace ? QStringLiteral(" ") : QString()) + right;
        }
        if (isWeakPunctuation(l))
            left.chop(1);   // "Hello, {{name}}!" → "Hello!"
        return left + right;
    }
    if (lineStart)
        return left + right;
    return left + space + right;
}

QString tidyGaps(QString text)
{
    qsizetype at;
    while ((at = text.indexOf(removedMark)) >= 0)
        text = joinAcrossGap(text.left(at), text.mid(at + 1));
    return text;
}

} // namespace

TemplateIssue templateIssueAt(const QString &text, qsizetype offset, const QString &message)
{
    TemplateIssue issue;
    issue.offset = offset;
    issue.message = message;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text.at(i) == u'\n') {
            ++issue.line;
            issue.column = 1;
        } else {
            ++issue.column;
        }
    }
    return issue;
}

TemplateScan scanTemplate(const QString &text)
{
    TemplateScan scan;
    const QList<Piece> pieces = tokenise(text, &scan.issues);
    for (const Piece &p : pieces) {
        if (p.kind == Piece::Variable)
            scan.placeholders.append({ p.start, p.length, p.name });
    }
    return scan;
}

QStringList placeholders(const QString &text)
{
    QStringList names;
    for (const Placeholder &p : scanTemplate(text).placeholders) {
        if (!names.contains(p.name))
            names.append(p.name);
    }
    return names;
}

RenderResult renderTemplate(const QString &text, const QHash<QString, QString> &vars)
{
    RenderResult result;
    QList<TemplateIssue> ignored;   // validation reports these; rendering just drops the braces
    QString out;
    out.reserve(text.size());
    bool anyGap = false;
    bool valueEndedSentence = false;
    for (const Piece &p : tokenise(text, &ignored)) {
        const bool afterSentence = std::exchange(valueEndedSentence, false);
        switch (p.kind) {
        case Piece::Literal: {
            QString literal = text.mid(p.start, p.length).remove(removedMark);
            // "{{deliveryUpdate}}." with a value that ends its own sentence: one full stop, not two.
            if (afterSentence && literal.startsWith(u'.'))
                literal.remove(0, 1);
            out += literal;
            break;
        }
        case Piece::Variable: {
            const auto it = vars.constFind(p.name);
            if (it == vars.constEnd() && !result.missing.contains(p.name))
                result.missing.append(p.name);
            if (it != vars.constEnd() && !it->trimmed().isEmpty()) {
                const QString value = QString(*it).remove(removedMark);
                out += value;
                valueEndedSentence = isSentenceEnd(value.trimmed().back());
                break;
            }
            out += removedMark;
            anyGap = true;
            break;
        }
        case Piece::Malformed:
            out += removedMark;
            anyGap = true;
            break;
        }
    }
    result.text = anyGap ? tidyGaps(out) : out;
    return result;
}

} // namespace ringside
