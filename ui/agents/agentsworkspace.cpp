#include "agentsworkspace.h"

#include "agentdocument.h"
#include "agenteditor.h"
#include "agentfiles.h"
#include "agentlistmodel.h"

#include "common/emptystate.h"
#include "common/messagebar.h"
#include "services/backend.h"

#include "tools/toolcatalogue.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ringside::ui {

namespace {
// A user agent file as the catalogue would list it, read now.
CatalogueEntry userEntry(const QString &path)
{
    AgentLoadResult loaded = loadAgentFile(path, toolNames());
    CatalogueEntry entry;
    entry.slug = QFileInfo(path).completeBaseName();
    entry.path = path;
    entry.shipped = false;
    entry.agent = std::move(loaded.agent);
    entry.issues = std::move(loaded.issues);
    return entry;
}
} // namespace

// Deleting an agent keeps the file's bytes, so undo puts back exactly what was there.
class DeleteAgentCommand final : public QUndoCommand
{
public:
    DeleteAgentCommand(AgentsWorkspace *workspace, QString path, QByteArray bytes, const QString &name)
        : QUndoCommand(AgentsWorkspace::tr("Delete %1").arg(name))
        , m_workspace(workspace)
        , m_path(std::move(path))
        , m_bytes(std::move(bytes))
    {
    }
    void redo() override
    {
        if (const QString error = agentfiles::removeFile(m_path); !error.isEmpty()) {
            m_workspace->showError(error);
            setObsolete(true);
            return;
        }
        m_workspace->m_model->remove(m_path);
    }
    void undo() override
    {
        if (const QString error = agentfiles::writeFile(m_path, m_bytes); !error.isEmpty()) {
            m_workspace->showError(error);
            return;
        }
        m_workspace->addWrittenFile(m_path, true);
    }

private:
    AgentsWorkspace *m_workspace;
    QString m_path;
    QByteArray m_bytes;
};

AgentsWorkspace::AgentsWorkspace(Backend &backend, const Clock &clock, QString agentsFolder, QWidget *parent)
    : Workspace(parent)
    , m_backend(backend)
    , m_clock(clock)
    , m_catalogue(std::move(agentsFolder), toolNames())
    , m_model(new AgentListModel(this))
    , m_undoGroup(new QUndoGroup(this))
    , m_fileHistory(new QUndoStack(this))
{
    setObjectName(QStringLiteral("agents"));
    auto *layout = new QVBoxLayout(this);
    m_messages = new MessageBar(this);
    layout->addWidget(m_messages);
    connect(m_messages, &MessageBar::actionTriggered, this, [this] {
        if (m_fileHistory->canUndo())
            m_fileHistory->undo();
    });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter, 1);

    // Left: the agents and what can be done to them.
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *fileBar = new QToolBar(left);
    fileBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    fileBar->setIconSize(QSize(16, 16));
    QStyle *s = style();
    addButtonAction(s->standardIcon(QStyle::SP_FileIcon), tr("New"), QStringLiteral("newButton"),
                    QKeySequence::New, fileBar);
    m_duplicate = addButtonAction(s->standardIcon(QStyle::SP_FileDialogNewFolder), tr("Duplicate"),
                                  QStringLiteral("duplicateButton"), QKeySequence(Qt::CTRL | Qt::Key_D), fileBar);
    fileBar->addSeparator();
    QAction *import = addButtonAction(s->standardIcon(QStyle::SP_DialogOpenButton), tr("Import…"),
                                      QStringLiteral("importButton"), QKeySequence::Open, fileBar);
    m_export = addButtonAction(s->standardIcon(QStyle::SP_DialogSaveButton), tr("Export…"),
                               QStringLiteral("exportButton"), QKeySequence(), fileBar);
    m_delete = addButtonAction(s->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), QStringLiteral("deleteButton"),
                               QKeySequence(), fileBar);
    m_list = new QTreeView(left);
    m_list->setObjectName(QStringLiteral("agentList"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setColumnHidden(AgentListModel::LanguageColumn, true);
    m_list->header()->setSectionResizeMode(AgentListModel::NameColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(AgentListModel::UseCaseColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(AgentListModel::SourceColumn, QHeaderView::ResizeToContents);
    leftLayout->addWidget(fileBar);
    leftLayout->addWidget(m_list, 1);

    // Right: the editor of the selected agent.
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *editBar = new QToolBar(right);
    editBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    editBar->setIconSize(QSize(16, 16));
    m_save = addButtonAction(s->standardIcon(QStyle::SP_DialogSaveButton), tr("Save"), QStringLiteral("saveButton"),
                             QKeySequence::Save, editBar);
    QAction *undo = m_undoGroup->createUndoAction(this, tr("Undo"));
    undo->setIcon(s->standardIcon(QStyle::SP_ArrowBack));
    undo->setShortcuts({ QKeySequence::Undo });
    QAction *redo = m_undoGroup->createRedoAction(this, tr("Redo"));
    redo->setIcon(s->standardIcon(QStyle::SP_ArrowForward));
    redo->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
    for (QAction *a : { undo, redo }) {
        editBar->addAction(a);
        addAction(a);
    }
    editBar->widgetForAction(undo)->setObjectName(QStringLiteral("undoButton"));
    editBar->widgetForAction(redo)->setObjectName(QStringLiteral("redoButton"));
    m_editorStack = new QStackedWidget(right);
    m_empty = new EmptyState(m_editorStack);
    m_empty->setContent(s->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Choose an agent"),
                        tr("Pick an agent on the left to see and edit it. Shipped agents are templates: "
                           "duplicate one to make it yours."));
    m_editorStack->addWidget(m_empty);
    rightLayout->addWidget(editBar);
    rightLayout->addWidget(m_editorStack, 1);

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    // Wide enough for the file toolbar in every language (Hindi runs wider), so no action hides
    // behind the toolbar's » menu.
    splitter->setSizes({ std::max(320, fileBar->sizeHint().width()), 960 });

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AgentsWorkspace::handleCurrentChanged);
    connect(import, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import agent"), QString(),
                                                          tr("Agent files (*.json);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(m_export, &QAction::triggered, this, [this] {
        if (!m_document)
            return;
        const QString suggested = m_document->slug() + QStringLiteral(".json");
        const QString path = QFileDialog::getSaveFileName(this, tr("Export agent"), suggested,
                                                          tr("Agent files (*.json)"));
        if (!path.isEmpty())
            exportCurrent(path);
    });
    connect(&m_backend, &Backend::dataChanged, this, [this] {
        if (m_editor)
            m_editor->reloadStoreData();
    });
    connect(&m_backend, &Backend::databaseOpened, this, [this] {
        if (m_editor)
            m_editor->reloadStoreData();
    });
    reload();
}

AgentsWorkspace::~AgentsWorkspace() = default;

QAction *AgentsWorkspace::addButtonAction(const QIcon &icon, const QString &text, const QString &objectName,
                                          const QKeySequence &shortcut, QWidget *bar)
{
    auto *action = new QAction(icon, text, this);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText)));
    }
    addAction(action);
    if (auto *toolBar = qobject_cast<QToolBar *>(bar)) {
        toolBar->addAction(action);
        toolBar->widgetForAction(action)->setObjectName(objectName);
    }
    if (objectName == QLatin1String("newButton"))
        connect(action, &QAction::triggered, this, [this] { newAgent(); });
    else if (objectName == QLatin1String("duplicateButton"))
        connect(action, &QAction::triggered, this, [this] { duplicateCurrent(); });
    else if (objectName == QLatin1String("deleteButton"))
        connect(action, &QAction::triggered, this, [this] { deleteCurrent(); });
    else if (objectName == QLatin1String("saveButton"))
        connect(action, &QAction::triggered, this, [this] { saveCurrent(); });
    return action;
}

QString AgentsWorkspace::title() const
{
    return tr("Agents");
}

QIcon AgentsWorkspace::icon() const
{
    return style()->standardIcon(QStyle::SP_FileDialogDetailedView);
}

void AgentsWorkspace::reload()
{
    const QString current = m_document ? m_document->path() : QString();
    m_catalogue.reload();
    m_reverting = true;
    m_model->setEntries(m_catalogue.entries());
    m_reverting = false;
    const int row = m_model->rowOfPath(current);
    if (row >= 0) {
        const QSignalBlocker block(m_list->selectionModel());
        m_list->setCurrentIndex(m_model->index(row, 0));
    } else {
        openEntry(nullptr);
    }
    updateActions();
}

bool AgentsWorkspace::selectAgent(const QString &path)
{
    const int row = m_model->rowOfPath(path);
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row, 0));
    return m_document && m_document->path() == path;
}

void AgentsWorkspace::handleCurrentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    if (m_reverting)
        return;
    const CatalogueEntry *entry = m_model->entryAt(current.row());
    if (m_document && entry && entry->path == m_document->path())
        return;
    if (!confirmLeaveDocument()) {
        m_reverting = true;
        m_list->setCurrentIndex(previous);
        m_reverting = false;
        return;
    }
    openEntry(entry);
}

void AgentsWorkspace::openEntry(const CatalogueEntry *entry)
{
    if (m_editor) {
        m_editorStack->removeWidget(m_editor);
        m_editor->deleteLater();
        m_editor = nullptr;
    }
    if (m_document) {
        m_undoGroup->removeStack(m_document->undoStack());
        m_document->deleteLater();
        m_document = nullptr;
    }
    if (!entry) {
        m_editorStack->setCurrentWidget(m_empty);
        updateActions();
        return;
    }
    m_document = new AgentDocument(*entry, toolNames(), this);
    m_undoGroup->addStack(m_document->undoStack());
    m_undoGroup->setActiveStack(m_document->undoStack());
    m_editor = new AgentEditor(m_document, m_backend, m_clock, m_editorStack);
    m_editorStack->addWidget(m_editor);
    m_editorStack->setCurrentWidget(m_editor);
    connect(m_editor, &AgentEditor::duplicateRequested, this, [this] { duplicateCurrent(); });
    connect(m_editor, &AgentEditor::modifiedChanged, this, &AgentsWorkspace::updateActions);
    if (!m_backend.databasePath().isEmpty())
        m_editor->reloadStoreData();
    updateActions();
}

void AgentsWorkspace::updateActions()
{
    const bool open = m_document != nullptr;
    const bool editable = open && !m_document->isReadOnly();
    m_duplicate->setEnabled(open);
    m_export->setEnabled(open);
    m_delete->setEnabled(open && !m_document->path().startsWith(QLatin1Char(':')));
    m_save->setEnabled(editable && m_editor && m_editor->isModified());
    if (m_editor) {
        const QString name = m_document->agent().name;
        m_save->setText(m_editor->isModified() ? tr("Save*") : tr("Save"));
        m_editor->setWindowModified(m_editor->isModified());
        m_save->setToolTip(tr("Save %1 (Ctrl+S)").arg(name));
    }
}

bool AgentsWorkspace::confirmLeaveDocument()
{
    if (!m_editor || !m_editor->isModified())
        return true;
    const auto answer = QMessageBox::question(
            this, tr("Unsaved changes"),
            tr("%1 has changes that are not saved. Save them before leaving?").arg(m_document->agent().name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return saveCurrent();
    return true;
}

bool AgentsWorkspace::canLeave()
{
    return confirmLeaveDocument();
}

bool AgentsWorkspace::saveCurrent()
{
    if (!m_editor)
        return false;
    if (const QString error = m_editor->save(); !error.isEmpty()) {
        showError(error);
        return false;
    }
    // The list shows what is on disk now.
    m_model->upsert(userEntry(m_document->path()));
    if (!m_document->issues().isEmpty())
        m_messages->showMessage(MessageBar::Kind::Warning,
                                tr("Saved %1 with %n problem(s); the engine uses defaults where a value is invalid.",
                                   nullptr, int(m_document->issues().size())).arg(m_document->agent().name));
    updateActions();
    return true;
}

bool AgentsWorkspace::addWrittenFile(const QString &path, bool select)
{
    m_model->upsert(userEntry(path));
    if (select)
        selectAgent(path);
    return true;
}

bool AgentsWorkspace::newAgent()
{
    if (!confirmLeaveDocument())
        return false;
    Agent agent;
    agent.name = tr("New agent");
    agent.greetingMessage = tr("Hello! Thanks for calling {{storeName}}. How can I help you today?");
    agent.prompt = tr("You are a friendly customer service agent for {{storeName}}. Keep answers under three "
                      "sentences and offer the next step.");
    agent.tools = { QStringLiteral("transfer_to_human"), QStringLiteral("end_call") };
    const QString path = agentfiles::newAgentPath(agentsFolder(), agent.name);
    if (const QString error = agentfiles::writeFile(path, saveAgent(agent)); !error.isEmpty()) {
        showError(error);
        return false;
    }
    return addWrittenFile(path, true);
}

bool AgentsWorkspace::duplicateCurrent()
{
    if (!m_document || !confirmLeaveDocument())
        return false;
    Agent copy = m_document->agent();
    copy.name = tr("%1 (copy)").arg(copy.name);
    const QString path = agentfiles::newAgentPath(agentsFolder(), copy.name);
    if (const QString error = agentfiles::writeFile(path, saveAgent(copy)); !error.isEmpty()) {
        showError(error);
        return false;
    }
    if (!addWrittenFile(path, true))
        return false;
    m_messages->showMessage(MessageBar::Kind::Information,
                            tr("Created %1 in %2. It is yours to edit.").arg(copy.name, QFileInfo(path).fileName()));
    return true;
}

bool AgentsWorkspace::deleteCurrent()
{
    if (!m_document || m_document->path().startsWith(QLatin1Char(':')))
        return false;
    const QString path = m_document->path();
    const QString name = m_document->agent().name;
    QByteArray bytes;
    if (const QString error = agentfiles::readFile(path, &bytes); !error.isEmpty()) {
        showError(error);
        return false;
    }
    // Unsaved edits would be lost with the file; the undo brings back the file as saved.
    if (m_editor && m_editor->isModified()) {
        const auto answer = QMessageBox::question(this, tr("Delete agent"),
                                                  tr("%1 has unsaved changes. Delete it anyway?").arg(name),
                                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return false;
    }
    const int row = m_model->rowOfPath(path);
    openEntry(nullptr);
    m_fileHistory->push(new DeleteAgentCommand(this, path, bytes, name));
    if (m_model->rowOfPath(path) >= 0)
        return false;   // the file could not be removed (shown in the message bar)
    m_messages->showMessage(MessageBar::Kind::Information, tr("Deleted %1.").arg(name), tr("Undo"));
    const int next = std::min(row, m_model->rowCount() - 1);
    if (next >= 0)
        m_list->setCurrentIndex(m_model->index(next, 0));
    return true;
}

bool AgentsWorkspace::importFile(const QString &path)
{
    QByteArray bytes;
    if (const QString error = agentfiles::readFile(path, &bytes); !error.isEmpty()) {
        showError(error);
        return false;
    }
    const AgentLoadResult loaded = loadAgent(bytes, toolNames());
    for (const AgentIssue &issue : loaded.issues) {
        if (issue.pointer.isEmpty()) {   // not an agent document at all: nothing to import
            showError(tr("%1 is not an agent file: %2").arg(QFileInfo(path).fileName(), formatIssue(issue)));
            return false;
        }
    }
    if (!confirmLeaveDocument())
        return false;
    const QString target = agentfiles::newAgentPath(agentsFolder(), loaded.agent.name);
    if (const QString error = agentfiles::writeFile(target, bytes); !error.isEmpty()) {
        showError(error);
        return false;
    }
    if (!addWrittenFile(target, true))
        return false;
    if (loaded.issues.isEmpty())
        m_messages->showMessage(MessageBar::Kind::Information, tr("Imported %1.").arg(loaded.agent.name));
    else
        m_messages->showMessage(MessageBar::Kind::Warning,
                                tr("Imported %1 with %n problem(s) to fix; they are listed above the form.", nullptr,
                                   int(loaded.issues.size())).arg(loaded.agent.name));
    return true;
}

bool AgentsWorkspace::exportCurrent(const QString &path)
{
    if (!m_document)
        return false;
    // What the form shows, saved or not: export is "give me this agent".
    if (const QString error = agentfiles::writeFile(path, saveAgent(m_document->agent())); !error.isEmpty()) {
        showError(error);
        return false;
    }
    m_messages->showMessage(MessageBar::Kind::Information, tr("Exported %1 to %2.").arg(m_document->agent().name, path));
    return true;
}

void AgentsWorkspace::showError(const QString &text)
{
    m_messages->showMessage(MessageBar::Kind::Error, text);
}

} // namespace ringside::ui
