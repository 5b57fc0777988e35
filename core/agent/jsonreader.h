#pragma once
// Reads a JSON file strictly enough for hand-edited configuration: syntax errors come with line
// and column, and a key written twice in one object is reported instead of silently losing one.

#include <QByteArray>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace ringside {

using ordered_json = nlohmann::ordered_json;

// A problem at a place in a JSON document. `pointer` is an RFC 6901 JSON pointer
// ("/agent/llmTemperature"); the empty pointer means the document as a whole.
struct JsonIssue {
    QString pointer;
    QString message;

    bool operator==(const JsonIssue &) const = default;
};

// "/agent/name: required field is missing"; the whole document is shown as "/".
QString formatIssue(const JsonIssue &issue);

// "/agent" + "sttConfig" → "/agent/sttConfig", escaping '~' and '/' as RFC 6901 says.
QString childPointer(const QString &parent, const QString &key);
QString childPointer(const QString &parent, qsizetype index);

struct JsonReadResult {
    ordered_json value;       // null when the text is not JSON
    bool parsed = false;      // false: a syntax error (in issues) and nothing else is known
    QList<JsonIssue> issues;  // the syntax error, or each duplicated key
};

// Keys keep their order; when a key is duplicated the last value is kept and each repeat is an issue.
JsonReadResult readJson(const QByteArray &bytes);

} // namespace ringside
