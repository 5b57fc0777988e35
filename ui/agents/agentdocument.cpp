#include "agentdocument.h"

#include <QDateTime>

#include <algorithm>
#include <QSaveFile>
#include <QUndoCommand>

namespace ringside::ui {

namespace {
constexpr int kEditCommandId = 0x52534145;   // "RSAE"
constexpr qint64 kMergeWindowMs = 1500;

// One change of the agent: both states kept whole (an Agent is small), so undo is exact even
// for changes that touch several fields (switching the TTS provider resets nothing behind the
// user's back, but a keyword table edit replaces the whole list).
class EditCommand final : public QUndoCommand
{
public:
    EditCommand(AgentDocument *document, QString field, const QString &text, Agent before, Agent after)
        : QUndoCommand(text)
        , m_document(document)
        , m_field(std::move(field))
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_at(QDateTime::currentMSecsSinceEpoch())
    {
    }

    void undo() override { m_document->setAgent(m_before); }
    void redo() override { m_document->setAgent(m_after); }
    int id() const override { return kEditCommandId; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const EditCommand *>(other);
        if (next->m_field != m_field || next->m_at - m_at > kMergeWindowMs)
            return false;
        m_after = next->m_after;
        m_at = next->m_at;
        if (m_after == m_before)
            setObsolete(true);
        return true;
    }

private:
    AgentDocument *m_document;
    QString m_field;
    Agent m_before;
    Agent m_after;
    qint64 m_at;
};
} // namespace

AgentDocument::AgentDocument(const CatalogueEntry &entry, QStringList knownTools, QObject *parent)
    : QObject(parent)
    , m_agent(entry.agent)
    , m_path(entry.path)
    , m_slug(entry.slug)
    , m_knownTools(std::move(knownTools))
{
    const bool unreadable = std::any_of(entry.issues.cbegin(), entry.issues.cend(),
                                        [](const AgentIssue &i) { return i.pointer.isEmpty(); });
    if (entry.shipped)
        m_readOnlyReason = tr("This is a shipped agent, a template: duplicate it to make a copy you can edit.");
    else if (unreadable)
        m_readOnlyReason = tr("This file is not an agent document, so editing it here would overwrite what is "
                              "in it. Fix it in a text editor (the problems are listed below) or delete it.");
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    // Issues as loaded (a broken file's parse problems included), then as the editor would save it.
    m_issues = entry.issues;
    if (m_issues.isEmpty())
        revalidate();
}

void AgentDocument::edit(const QString &field, const QString &text, const std::function<void(Agent &)> &change,
                         bool typing)
{
    if (isReadOnly())
        return;
    Agent after = m_agent;
    change(after);
    if (after == m_agent)
        return;
    // A field name no other command uses never merges.
    const QString key = typing ? field : field + QLatin1Char('#') + QString::number(++m_editSerial);
    m_undo.push(new EditCommand(this, key, text, m_agent, std::move(after)));
}

void AgentDocument::setAgent(const Agent &agent)
{
    m_agent = agent;
    revalidate();
    Q_EMIT agentChanged();
}

void AgentDocument::revalidate()
{
    QList<AgentIssue> issues = validateAgent(m_agent, m_knownTools);
    if (issues != m_issues) {
        m_issues = std::move(issues);
        Q_EMIT issuesChanged();
    }
}

QString AgentDocument::save()
{
    if (isReadOnly())
        return m_readOnlyReason;
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(m_path, file.errorString());
    file.write(saveAgent(m_agent));
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(m_path, file.errorString());
    m_undo.setClean();
    return {};
}

} // namespace ringside::ui
