#pragma once
// {{variable}} templates in greetings and prompts.
// A variable with no value is never spoken literally: the placeholder is removed and the
// spaces and punctuation around it are tidied so the sentence still reads
// ("Hi {{customerName}}! This is …" → "Hi! This is …").

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ringside {

// A well-formed {{name}} in a text. Spaces inside the braces are allowed: {{ storeName }}.
struct Placeholder {
    qsizetype start = 0;    // offset of the first '{'
    qsizetype length = 0;   // up to and including the closing "}}"
    QString name;
};

// A placeholder that cannot be rendered: unclosed "{{", empty "{{}}", or a name that is not
// letters, digits and '_'. line and column are 1-based, counted in the text itself.
struct TemplateIssue {
    qsizetype offset = 0;
    int line = 1;
    int column = 1;
    QString message;
};

struct TemplateScan {
    QList<Placeholder> placeholders;
    QList<TemplateIssue> issues;
};

TemplateScan scanTemplate(const QString &text);

// An issue at `offset` in `text`, with its line and column filled in.
TemplateIssue templateIssueAt(const QString &text, qsizetype offset, const QString &message);

// The distinct variable names used in `text`, in order of first use.
QStringList placeholders(const QString &text);

struct RenderResult {
    QString text;
    QStringList missing;   // names used in the text that had no entry in vars, in order, distinct
    bool complete() const { return missing.isEmpty(); }
};

// Replaces every {{name}} with vars[name] (once: values are not expanded again).
// Missing and empty values are removed with the surrounding text tidied; malformed braces
// (see TemplateIssue) are removed the same way, so no brace is ever spoken.
RenderResult renderTemplate(const QString &text, const QHash<QString, QString> &vars);

} // namespace ringside
