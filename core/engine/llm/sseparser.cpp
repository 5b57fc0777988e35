#include "engine/llm/sseparser.h"

namespace ringside {

QList<SseEvent> SseParser::feed(const QByteArray &bytes)
{
    QList<SseEvent> out;
    if (hasError())
        return out;
    m_buffer.append(bytes);
    qsizetype start = 0;
    if (m_skipLeadingLf && !m_buffer.isEmpty()) {
        if (m_buffer.at(0) == '\n')
            start = 1;
        m_skipLeadingLf = false;
    }
    // Lines end with \n, \r\n or a lone \r (the SSE grammar allows all three).
    for (qsizetype i = start; i < m_buffer.size(); ++i) {
        const char c = m_buffer.at(i);
        if (c != '\n' && c != '\r')
            continue;
        takeLine(m_buffer.mid(start, i - start), &out);
        if (hasError())
            return out;
        if (c == '\r') {
            if (i + 1 < m_buffer.size()) {
                if (m_buffer.at(i + 1) == '\n')
                    ++i;
            } else {
                m_skipLeadingLf = true;
            }
        }
        start = i + 1;
    }
    m_buffer.remove(0, start);
    // A server that never ends a line (or an event) is not sending SSE: bounded, then refused.
    if (m_buffer.size() > kMaxLineBytes)
        m_badLine = QByteArrayLiteral("a line longer than ") + QByteArray::number(kMaxLineBytes) + " bytes";
    return out;
}

QList<SseEvent> SseParser::finish()
{
    QList<SseEvent> out;
    if (hasError())
        return out;
    if (!m_buffer.isEmpty()) {
        takeLine(m_buffer, &out);
        m_buffer.clear();
    }
    if (!hasError())
        dispatch(&out);
    return out;
}

void SseParser::takeLine(QByteArray line, QList<SseEvent> *out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.startsWith(':')) // comment, often a keep-alive
        return;
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);

    if (field == "data") {
        if (m_pending.data.size() + value.size() + 1 > kMaxEventBytes) {
            m_badLine = QByteArrayLiteral("an event longer than ") + QByteArray::number(kMaxEventBytes) + " bytes";
            return;
        }
        if (m_hasData)
            m_pending.data.append('\n');
        m_pending.data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_pending.event = value;
    } else if (field == "id") {
        m_pending.id = value;
    } else if (field == "retry") {
        // reconnection delay: meaningless for a one-shot completion
    } else {
        m_badLine = line.left(120);
    }
}

void SseParser::dispatch(QList<SseEvent> *out)
{
    if (m_hasData)
        out->append(m_pending);
    m_pending = SseEvent{};
    m_hasData = false;
}

} // namespace ringside
