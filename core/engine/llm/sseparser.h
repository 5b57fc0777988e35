#pragma once
// Incremental text/event-stream parser. Network reads split lines anywhere (even inside a UTF-8
// sequence or between \r and \n), so bytes are buffered until a whole line is present.

#include <QByteArray>
#include <QList>

namespace ringside {

struct SseEvent
{
    QByteArray event;  // the `event:` field, empty for the default "message"
    QByteArray data;   // `data:` lines joined with \n
    QByteArray id;
};

class SseParser
{
public:
    // Feeds more bytes; returns the events they completed (dispatched on a blank line).
    QList<SseEvent> feed(const QByteArray &bytes);
    // The stream ended: dispatches a last event left without its blank line.
    QList<SseEvent> finish();

    // A line that is neither a comment nor a known field (data, event, id, retry). The LLM servers
    // we speak to never send one, so the caller treats it as a malformed stream. Empty when none.
    const QByteArray &badLine() const { return m_badLine; }
    bool hasError() const { return !m_badLine.isEmpty(); }

    // What one line and one event may hold before the stream counts as malformed.
    static constexpr qsizetype kMaxLineBytes = 1024 * 1024;
    static constexpr qsizetype kMaxEventBytes = 4 * 1024 * 1024;

private:
    void takeLine(QByteArray line, QList<SseEvent> *out);
    void dispatch(QList<SseEvent> *out);

    QByteArray m_buffer;
    SseEvent m_pending;
    bool m_hasData = false;
    bool m_skipLeadingLf = false; // the previous chunk ended with \r; a \n now belongs to it
    QByteArray m_badLine;
};

} // namespace ringside
