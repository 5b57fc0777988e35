#pragma once

#include "agent/agent.h"
#include "agent/agentcatalogue.h"

#include <QObject>
#include <QUndoStack>

#include <functional>

namespace ringside::ui {

// One agent open in the editor: the Agent being edited, its file, its undo history and its
// validation issues. Every change goes through edit(), which pushes an undoable command, so undo
// and redo cover every field. Shipped agents are read-only templates: duplicate them to edit.
class AgentDocument final : public QObject
{
    Q_OBJECT
public:
    // `knownTools`: what the validator accepts in `tools` (the tool catalogue).
    AgentDocument(const CatalogueEntry &entry, QStringList knownTools, QObject *parent = nullptr);

    const Agent &agent() const { return m_agent; }
    QString path() const { return m_path; }
    QString slug() const { return m_slug; }
    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    // Why the agent cannot be edited here: a shipped template, or a file that is not an agent
    // document at all (editing would overwrite what is in it). Empty when editable.
    QString readOnlyReason() const { return m_readOnlyReason; }
    bool isModified() const { return !m_undo.isClean(); }
    QUndoStack *undoStack() { return &m_undo; }

    // Issues of the agent as it would be saved, from the same validator as `ringside-engine validate`.
    const QList<AgentIssue> &issues() const { return m_issues; }

    // Applies `change` to a copy of the agent and pushes it as one undoable step named `text`.
    // With `typing`, consecutive edits of the same `field` within a short time merge into one step
    // (typing a word is one undo, not one per letter). Does nothing for read-only documents or
    // when the change leaves the agent as it was.
    void edit(const QString &field, const QString &text, const std::function<void(Agent &)> &change,
              bool typing = false);

    // Writes the agent (saveAgent: byte-stable, unknown keys kept) to its file and marks the
    // document clean. Returns an empty string on success, else what went wrong (nothing lost:
    // the document stays modified).
    QString save();

    // Used by the undo commands; not for editing (use edit()).
    void setAgent(const Agent &agent);

Q_SIGNALS:
    void agentChanged();
    void issuesChanged();
    void modifiedChanged(bool modified);

private:
    void revalidate();

    Agent m_agent;
    QString m_path;
    QString m_slug;
    QString m_readOnlyReason;
    QStringList m_knownTools;
    QList<AgentIssue> m_issues;
    QUndoStack m_undo;
    quint64 m_editSerial = 0;
};

} // namespace ringside::ui
