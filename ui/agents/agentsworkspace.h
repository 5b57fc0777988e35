#pragma once

#include "shell/workspace.h"

#include "agent/agentcatalogue.h"

#include <QPointer>

class QAction;
class QStackedWidget;
class QTreeView;
class QUndoGroup;
class QUndoStack;

namespace ringside {
class Clock;
}

namespace ringside::ui {

class AgentDocument;
class AgentEditor;
class AgentListModel;
class Backend;
class EmptyState;
class MessageBar;

// Agents: the list of shipped templates and the user's agents, and the editor for the selected
// one. Duplicate, new, import, export and delete (undoable) work on the files in the user's agents
// folder; edits are undoable per agent; leaving with unsaved changes asks first.
// Agent files are small and local, so they are read and written on the UI thread; everything that
// touches the store (preview, Try it) goes through the Backend's worker.
class AgentsWorkspace final : public Workspace
{
    Q_OBJECT
public:
    AgentsWorkspace(Backend &backend, const Clock &clock, QString agentsFolder, QWidget *parent = nullptr);
    ~AgentsWorkspace() override;

    QString title() const override;
    QIcon icon() const override;
    bool canLeave() override;

    // Reads the catalogue again, keeping the selection when the agent is still there.
    void reload();
    // Opens the agent at `path` (asking about unsaved changes first). False when it stayed.
    bool selectAgent(const QString &path);

    // The operations behind the toolbar; each reports problems in the message bar.
    bool newAgent();
    bool duplicateCurrent();
    bool deleteCurrent();
    bool saveCurrent();
    bool importFile(const QString &path);
    bool exportCurrent(const QString &path);

    AgentEditor *editor() const { return m_editor; }
    AgentListModel *model() const { return m_model; }
    QTreeView *list() const { return m_list; }
    MessageBar *messageBar() const { return m_messages; }
    QUndoStack *fileHistory() const { return m_fileHistory; }
    QString agentsFolder() const { return m_catalogue.userFolder(); }

private:
    friend class DeleteAgentCommand;
    QAction *addButtonAction(const QIcon &icon, const QString &text, const QString &objectName,
                             const QKeySequence &shortcut, QWidget *bar);
    void handleCurrentChanged(const QModelIndex &current, const QModelIndex &previous);
    void openEntry(const CatalogueEntry *entry);
    // Asks Save / Discard / Cancel when the open agent has unsaved changes.
    bool confirmLeaveDocument();
    // Adds a file just written to the list (and selects it).
    bool addWrittenFile(const QString &path, bool select);
    void updateActions();
    void showError(const QString &text);

    Backend &m_backend;
    const Clock &m_clock;
    AgentCatalogue m_catalogue;
    AgentListModel *m_model = nullptr;
    QTreeView *m_list = nullptr;
    MessageBar *m_messages = nullptr;
    QStackedWidget *m_editorStack = nullptr;
    EmptyState *m_empty = nullptr;
    QPointer<AgentEditor> m_editor;
    AgentDocument *m_document = nullptr;
    QUndoGroup *m_undoGroup = nullptr;
    QUndoStack *m_fileHistory = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_export = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_save = nullptr;
    bool m_reverting = false;
};

} // namespace ringside::ui
