#pragma once

#include "agentsection.h"

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace ringside {
class Clock;
}

namespace ringside::ui {

class Backend;
class TryItPanel;

// Which tools the agent may call, chosen from the catalogue; the selected tool's description and
// JSON schema (what the LLM sees), and a panel to try it against the store.
class ToolsSection final : public AgentSection
{
    Q_OBJECT
public:
    ToolsSection(AgentDocument *document, FieldErrors *errors, Backend &backend, const Clock &clock,
                 QWidget *parent = nullptr);
    void setReadOnly(bool readOnly) override;

    QListWidget *toolList() const { return m_list; }
    TryItPanel *tryIt() const { return m_tryIt; }
    // Selects the tool's row (shows its schema and prepares Try it).
    void showTool(const QString &name);

protected:
    void load(const Agent &agent) override;

private:
    void handleCurrentChanged();
    void handleItemChanged();

    QListWidget *m_list = nullptr;
    QLabel *m_description = nullptr;
    QPlainTextEdit *m_schema = nullptr;
    TryItPanel *m_tryIt = nullptr;
    bool m_readOnly = false;
};

} // namespace ringside::ui
