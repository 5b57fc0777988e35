#pragma once

#include "conversation/sessionevent.h"

#include <QList>
#include <QTextBrowser>

namespace ringside::ui {

// A test call's transcript as it happens: caller and agent lines, tool calls with their
// arguments and results inline, escalations, notices and each reply's latency.
class TranscriptView final : public QTextBrowser
{
    Q_OBJECT
public:
    explicit TranscriptView(QWidget *parent = nullptr);

    void addEvent(const SessionEvent &event);
    void clearCall();
    const QList<SessionEvent> &events() const { return m_events; }

private:
    void appendBlock(const QString &html);

    QList<SessionEvent> m_events;
};

} // namespace ringside::ui
