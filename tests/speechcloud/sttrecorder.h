#pragma once
// Collects an SttEngine's callbacks, which cloud engines make on their network thread.

#include "speech/sttengine.h"

#include <QList>
#include <QPair>
#include <QStringList>
#include <QTest>

#include <mutex>

namespace ringside::testing {

struct SttRecorder
{
    mutable std::mutex mutex;
    QStringList partials;
    QList<QPair<QString, double>> finals;
    QStringList errors;
    QStringList order; // "partial", "final", "error" in arrival order

    SttEngine::Callbacks callbacks()
    {
        SttEngine::Callbacks c;
        c.partial = [this](const QString &t) { std::lock_guard l(mutex); partials << t; order << QStringLiteral("partial"); };
        c.final = [this](const QString &t, double conf) { std::lock_guard l(mutex); finals.append({t, conf}); order << QStringLiteral("final"); };
        c.error = [this](const QString &m) { std::lock_guard l(mutex); errors << m; order << QStringLiteral("error"); };
        return c;
    }
    int finalCount() const { std::lock_guard l(mutex); return int(finals.size()); }
    int errorCount() const { std::lock_guard l(mutex); return int(errors.size()); }
    int partialCount() const { std::lock_guard l(mutex); return int(partials.size()); }
    QString finalText(int i) const { std::lock_guard l(mutex); return finals.value(i).first; }
    double finalConfidence(int i) const { std::lock_guard l(mutex); return finals.value(i).second; }
    QString error(int i) const { std::lock_guard l(mutex); return errors.value(i); }
    QStringList partialList() const { std::lock_guard l(mutex); return partials; }
    QStringList orderList() const { std::lock_guard l(mutex); return order; }

    bool waitFinals(int n, int ms = 5000) const { return QTest::qWaitFor([&] { return finalCount() >= n; }, ms); }
    bool waitErrors(int n, int ms = 5000) const { return QTest::qWaitFor([&] { return errorCount() >= n; }, ms); }
};

} // namespace ringside::testing

namespace ringside::testing {
inline QStringList sl(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}
} // namespace ringside::testing
