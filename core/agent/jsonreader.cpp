#include "agent/jsonreader.h"

#include <QRegularExpression>

#include <set>
#include <string>
#include <vector>

namespace ringside {

namespace {

QString escapeToken(QString token)
{
    return token.replace(u'~', QLatin1String("~0")).replace(u'/', QLatin1String("~1"));
}

// Walks the document once to find keys written twice in one object (the DOM keeps only one).
class DuplicateKeyFinder : public nlohmann::json_sax<ordered_json>
{
public:
    QList<JsonIssue> issues;
    QString syntaxError;
    std::string lastToken;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t &) override { return value(); }
    bool string(string_t &) override { return value(); }
    bool binary(binary_t &) override { return value(); }

    bool start_object(std::size_t) override
    {
        value();
        m_frames.push_back({ false, -1, {}, {} });
        return true;
    }
    bool key(string_t &key) override
    {
        Frame &frame = m_frames.back();
        frame.key = key;
        if (!frame.keys.insert(key).second) {
            issues.append({ pointer(),
                            QStringLiteral("key \"%1\" appears more than once in this object; only the last value is used")
                                .arg(QString::fromStdString(key)) });
        }
        return true;
    }
    bool end_object() override
    {
        m_frames.pop_back();
        return true;
    }
    bool start_array(std::size_t) override
    {
        value();
        m_frames.push_back({ true, -1, {}, {} });
        return true;
    }
    bool end_array() override
    {
        m_frames.pop_back();
        return true;
    }
    bool parse_error(std::size_t, const std::string &token, const nlohmann::detail::exception &ex) override
    {
        syntaxError = QString::fromUtf8(ex.what());
        lastToken = token;
        return false;
    }

private:
    struct Frame {
        bool array;
        qsizetype index;
        std::string key;
        std::set<std::string> keys;
    };

    bool value()
    {
        if (!m_frames.empty() && m_frames.back().array)
            ++m_frames.back().index;
        return true;
    }
    QString pointer() const
    {
        QString p;
        for (const Frame &f : m_frames)
            p = f.array ? childPointer(p, f.index) : childPointer(p, QString::fromStdString(f.key));
        return p;
    }

    std::vector<Frame> m_frames;
};

// True for a complete string or number token. For other errors nlohmann's "last read" text can
// span more than one token or show control characters escaped, so its length is not a width.
bool isWholeToken(const std::string &token)
{
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"')
        return token.find('"', 1) == token.size() - 1 && token.find("<U+") == std::string::npos;
    return !token.empty() && token.find_first_not_of("0123456789.eE+-") == std::string::npos;
}

// nlohmann's text is "[json.exception.parse_error.101] parse error at line 3, column 5: <detail>",
// where the column is that of the offending token's last byte. People look for where the token
// starts ("prompt" after a missing comma), so the column is moved back by the token's length.
QString describeSyntaxError(const QString &what, const std::string &token)
{
    static const QRegularExpression shape(QStringLiteral("at line (\\d+), column (\\d+): (.*)$"),
                                          QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = shape.match(what);
    if (!m.hasMatch())
        return QStringLiteral("not valid JSON: %1").arg(what);
    qsizetype column = m.captured(2).toLongLong();
    if (isWholeToken(token) && qsizetype(token.size()) < column)
        column -= qsizetype(token.size()) - 1;
    return QStringLiteral("not valid JSON at line %1, column %2: %3").arg(m.captured(1)).arg(column).arg(m.captured(3));
}

} // namespace

QString formatIssue(const JsonIssue &issue)
{
    return QStringLiteral("%1: %2").arg(issue.pointer.isEmpty() ? QStringLiteral("/") : issue.pointer, issue.message);
}

QString childPointer(const QString &parent, const QString &key)
{
    return parent + u'/' + escapeToken(key);
}

QString childPointer(const QString &parent, qsizetype index)
{
    return parent + u'/' + QString::number(index);
}

JsonReadResult readJson(const QByteArray &bytes)
{
    JsonReadResult result;
    DuplicateKeyFinder finder;
    const char *begin = bytes.constData();
    const char *end = begin + bytes.size();
    if (!ordered_json::sax_parse(begin, end, &finder)) {
        result.issues.append({ QString(), describeSyntaxError(finder.syntaxError, finder.lastToken) });
        return result;
    }
    result.value = ordered_json::parse(begin, end, nullptr, false);
    result.parsed = !result.value.is_discarded();
    if (!result.parsed) {   // cannot happen after a clean SAX pass; never report success on it
        result.value = nullptr;
        result.issues.append({ QString(), QStringLiteral("not valid JSON") });
        return result;
    }
    result.issues = finder.issues;
    return result;
}

} // namespace ringside
