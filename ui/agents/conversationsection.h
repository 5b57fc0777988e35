#pragma once

#include "agentsection.h"

class QPlainTextEdit;
class QToolButton;

namespace ringside {
class Clock;
}

namespace ringside::ui {

class Backend;
class GreetingPreview;
class TemplateHighlighter;

// The greeting and the system prompt, with {{variable}} highlighting, an "Insert variable" menu
// and the live greeting preview beside them.
class ConversationSection final : public AgentSection
{
    Q_OBJECT
public:
    ConversationSection(AgentDocument *document, FieldErrors *errors, Backend &backend, const Clock &clock,
                        QWidget *parent = nullptr);
    void setReadOnly(bool readOnly) override;
    GreetingPreview *preview() const { return m_preview; }
    QPlainTextEdit *greetingEdit() const { return m_greeting; }
    QPlainTextEdit *promptEdit() const { return m_prompt; }

protected:
    void load(const Agent &agent) override;

private:
    QPlainTextEdit *makeEditor(const QString &objectName);
    void insertVariable(const QString &name);

    QPlainTextEdit *m_greeting = nullptr;
    QPlainTextEdit *m_prompt = nullptr;
    TemplateHighlighter *m_greetingHighlighter = nullptr;
    TemplateHighlighter *m_promptHighlighter = nullptr;
    QToolButton *m_insert = nullptr;
    QPlainTextEdit *m_lastFocused = nullptr;
    GreetingPreview *m_preview = nullptr;
};

} // namespace ringside::ui
