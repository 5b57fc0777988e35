#include "transcriptview.h"

#include "common/labels.h"

#include <QScrollBar>

namespace ringside::ui {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// Compact one-line JSON for arguments and results, cut so a long result does not flood the view.
QString compactJson(const json &value, int limit = 240)
{
    QString text = QString::fromStdString(value.dump());
    if (text.size() > limit)
        text = text.left(limit) + QStringLiteral("…");
    return text;
}

} // namespace

TranscriptView::TranscriptView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("transcript"));
    setOpenLinks(false);
    setPlaceholderText(tr("Start a call: the agent's greeting, your words, the tools it calls and what they "
                          "answered appear here."));
}

void TranscriptView::clearCall()
{
    m_events.clear();
    clear();
}

void TranscriptView::appendBlock(const QString &html)
{
    append(html);
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void TranscriptView::addEvent(const SessionEvent &event)
{
    m_events.append(event);
    const EventType type = event.kind();
    const QString seconds = QStringLiteral("%1 s").arg(event.tMs / 1000.0, 0, 'f', 1);
    const QString time = QStringLiteral("<span style='color:#888'>%1</span> ").arg(seconds);
    if (type == EventType::Agent) {
        appendBlock(time + tr("<b style='color:#1565c0'>Agent:</b> %1").arg(esc(event.text())));
    } else if (type == EventType::User) {
        appendBlock(time + tr("<b style='color:#2e7d32'>Caller:</b> %1").arg(esc(event.text())));
    } else if (type == EventType::ToolCall) {
        appendBlock(time + tr("<span style='font-family:monospace;color:#6a1b9a'>→ %1 %2</span>")
                                   .arg(esc(stringAt(event.data, "name")),
                                        esc(compactJson(event.data.value("arguments", json::object())))));
    } else if (type == EventType::ToolResult) {
        const json result = event.data.value("result", json::object());
        const bool success = result.value("success", true);
        const QString message = stringAt(result, "message");
        appendBlock(time + tr("<span style='font-family:monospace;color:%1'>← %2 %3</span>")
                                   .arg(success ? QStringLiteral("#6a1b9a") : QStringLiteral("#c62828"),
                                        esc(stringAt(event.data, "name")),
                                        esc(message.isEmpty() ? compactJson(result) : message)));
    } else if (type == EventType::Escalation) {
        appendBlock(time + tr("<b style='color:#c62828'>Escalated to a person</b> (%1): %2")
                                   .arg(esc(reasonLabel(stringAt(event.data, "reason"))),
                                        esc(stringAt(event.data, "summary"))));
    } else if (type == EventType::Latency) {
        appendBlock(tr("<span style='color:#888;font-size:small'>replied in %1 ms</span>")
                            .arg(event.data.value("ms", 0)));
    } else if (type == EventType::Notice) {
        appendBlock(time + tr("<i style='color:#888'>Note: %1</i>").arg(esc(stringAt(event.data, "message"))));
    } else if (type == EventType::End) {
        appendBlock(time + tr("<b>Call ended</b> — %1").arg(esc(outcomeLabel(stringAt(event.data, "outcome")))));
    } else if (type == EventType::Heard) {
        appendBlock(time + tr("<i style='color:#888'>The caller interrupted after: “%1”</i>").arg(esc(event.text())));
    }
}

} // namespace ringside::ui
