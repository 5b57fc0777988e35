#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <utility>

namespace ringside {

// A value or a human-readable error. Used where failure is an expected outcome
// (bad files, missing rows), so callers cannot forget to look.
template <typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    static Result failure(QString error) { Result r; r.m_error = std::move(error); return r; }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    // The value of a failed result is a programming error: it stops the program with the
    // result's own error rather than reading what is not there (release builds too).
    const T &value() const & { return checked(); }
    T &value() & { return checked(); }
    T &&value() && { return std::move(checked()); }
    const T *operator->() const { return &checked(); }
    T *operator->() { return &checked(); }
    const QString &error() const { return m_error; }

private:
    Result() = default;
    const T &checked() const
    {
        if (Q_UNLIKELY(!m_value))
            qFatal("Result::value() on a failed result: %s", qUtf8Printable(m_error));
        return *m_value;
    }
    T &checked() { return const_cast<T &>(std::as_const(*this).checked()); }
    std::optional<T> m_value;
    QString m_error;
};

} // namespace ringside
