#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QString>

namespace ringside {

// The time a command or a session runs at.
// `--now ISO-8601` pins the starting instant so tests and demos are deterministic; time still
// advances from there at the real rate, so durations and latencies stay real.
class Clock
{
public:
    Clock();                                   // the real clock
    explicit Clock(const QDateTime &start);    // starts at `start`, then advances

    // Parses a `--now` value: full ISO-8601 with offset or Z, or a plain date (midnight UTC).
    // An empty string gives the real clock. On a bad value returns false and fills *error.
    static bool fromOption(const QString &iso, Clock *clock, QString *error);

    QDateTime now() const;
    qint64 nowMs() const { return now().toMSecsSinceEpoch(); }
    bool isPinned() const { return m_pinned; }

private:
    QDateTime m_start;
    QElapsedTimer m_elapsed;
    bool m_pinned = false;
};

// ISO-8601 text of an instant, with its own offset kept ("2026-11-26T10:00:00+05:30").
QString toIso(const QDateTime &t);
// Parses ISO-8601 with offset or Z; returns an invalid QDateTime on anything else.
QDateTime parseIso(const QString &text);

} // namespace ringside
