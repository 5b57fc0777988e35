#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QTabWidget;

namespace ringside {
class Clock;
}

namespace ringside::ui {

class AgentDocument;
class Backend;
class ConversationSection;
class FieldErrors;
class GeneralSection;
class MessageBar;
class PlaybookSection;
class SpeechSection;
class ToolsSection;
class UndoShortcutFilter;
class VariablesSection;

// The form for one agent: every field of the agent format in tabs (General, Speech, Conversation,
// Tools, Variables, Playbook), each problem beside its field and all of them in a summary that
// jumps to the field when clicked.
class AgentEditor final : public QWidget
{
    Q_OBJECT
public:
    AgentEditor(AgentDocument *document, Backend &backend, const Clock &clock, QWidget *parent = nullptr);

    AgentDocument *document() const { return m_document; }
    // The agent or its playbook has unsaved changes.
    bool isModified() const;
    // Saves the agent and, when changed, its playbook. Returns the error, or empty on success.
    QString save();

    FieldErrors *fieldErrors() const { return m_errors; }
    QTabWidget *tabs() const { return m_tabs; }
    QListWidget *issueList() const { return m_issues; }
    GeneralSection *general() const { return m_general; }
    SpeechSection *speech() const { return m_speech; }
    ConversationSection *conversation() const { return m_conversation; }
    ToolsSection *tools() const { return m_tools; }
    VariablesSection *variables() const { return m_variables; }
    PlaybookSection *playbook() const { return m_playbook; }

    // Shows the tab and focuses the editor that holds issues at `pointer`.
    void revealField(const QString &pointer);
    // Reads the preview's test records again (the store changed).
    void reloadStoreData();

Q_SIGNALS:
    void duplicateRequested();
    void modifiedChanged(bool modified);

private:
    void refresh();
    void showIssues();

    AgentDocument *m_document;
    FieldErrors *m_errors = nullptr;
    UndoShortcutFilter *m_undoFilter = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_badge = nullptr;
    MessageBar *m_readOnlyBar = nullptr;
    QListWidget *m_issues = nullptr;
    QLabel *m_allGood = nullptr;
    QTabWidget *m_tabs = nullptr;
    GeneralSection *m_general = nullptr;
    SpeechSection *m_speech = nullptr;
    ConversationSection *m_conversation = nullptr;
    ToolsSection *m_tools = nullptr;
    VariablesSection *m_variables = nullptr;
    PlaybookSection *m_playbook = nullptr;
};

} // namespace ringside::ui
