#pragma once

#include "speech/sttengine.h"

#include <mutex>

namespace ringside {

// An STT stream's callbacks as cloud engines call them from their network thread: stop() kills
// the sink under its lock, so once stop() returns no callback runs and none is running.
class SttSink
{
public:
    explicit SttSink(SttEngine::Callbacks callbacks) : m_callbacks(std::move(callbacks)) {}

    void partial(const QString &text)
    {
        std::lock_guard lock(m_mutex);
        if (m_live && m_callbacks.partial)
            m_callbacks.partial(text);
    }
    void final(const QString &text, double confidence)
    {
        std::lock_guard lock(m_mutex);
        if (m_live && m_callbacks.final)
            m_callbacks.final(text, confidence);
    }
    void error(const QString &message)
    {
        std::lock_guard lock(m_mutex);
        if (m_live && m_callbacks.error)
            m_callbacks.error(message);
    }
    void kill()
    {
        std::lock_guard lock(m_mutex);
        m_live = false;
    }

private:
    std::mutex m_mutex;
    bool m_live = true;
    SttEngine::Callbacks m_callbacks;
};

} // namespace ringside
