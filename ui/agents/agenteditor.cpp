#include "agenteditor.h"

#include "agentdocument.h"
#include "conversationsection.h"
#include "fielderrors.h"
#include "generalsection.h"
#include "greetingpreview.h"
#include "playbooksection.h"
#include "speechsection.h"
#include "toolssection.h"
#include "variablessection.h"

#include "common/messagebar.h"
#include "common/undoshortcutfilter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ringside::ui {

namespace {
QWidget *scrollable(QWidget *page)
{
    auto *area = new QScrollArea;
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}
} // namespace

AgentEditor::AgentEditor(AgentDocument *document, Backend &backend, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_errors(new FieldErrors(this))
    , m_undoFilter(new UndoShortcutFilter(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *header = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("agentTitle"));
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    m_title->setFont(f);
    m_badge = new QLabel(this);
    m_badge->setObjectName(QStringLiteral("agentBadge"));
    header->addWidget(m_title);
    header->addWidget(m_badge);
    header->addStretch(1);
    layout->addLayout(header);

    m_readOnlyBar = new MessageBar(this);
    layout->addWidget(m_readOnlyBar);
    if (document->isReadOnly()) {
        const bool shipped = document->path().startsWith(QLatin1Char(':'));
        m_readOnlyBar->showMessage(MessageBar::Kind::Information, document->readOnlyReason(),
                                   shipped ? tr("Duplicate to edit") : QString());
        connect(m_readOnlyBar, &MessageBar::actionTriggered, this, &AgentEditor::duplicateRequested);
    }

    m_issues = new QListWidget(this);
    m_issues->setObjectName(QStringLiteral("issueList"));
    m_issues->setMaximumHeight(96);
    m_issues->setToolTip(tr("Click a problem to go to its field"));
    m_allGood = new QLabel(tr("✓ No problems: this agent passes the same checks as ringside-engine validate."), this);
    m_allGood->setObjectName(QStringLiteral("noIssuesLabel"));
    QPalette good = m_allGood->palette();
    good.setColor(QPalette::WindowText, QColor(0x1e, 0x7b, 0x34));
    m_allGood->setPalette(good);
    layout->addWidget(m_issues);
    layout->addWidget(m_allGood);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("agentTabs"));
    m_general = new GeneralSection(document, m_errors);
    m_speech = new SpeechSection(document, m_errors);
    m_conversation = new ConversationSection(document, m_errors, backend, clock);
    m_tools = new ToolsSection(document, m_errors, backend, clock);
    m_variables = new VariablesSection(document, m_errors);
    m_playbook = new PlaybookSection(document, m_errors, backend);
    m_tabs->addTab(scrollable(m_general), tr("General"));
    m_tabs->addTab(scrollable(m_speech), tr("Speech"));
    m_tabs->addTab(m_conversation, tr("Greeting && prompt"));
    m_tabs->addTab(m_tools, tr("Tools"));
    m_tabs->addTab(m_variables, tr("Variables"));
    m_tabs->addTab(m_playbook, tr("Playbook"));
    layout->addWidget(m_tabs, 1);

    // The playbook text keeps its own undo (it is a separate file); every other editor defers
    // Ctrl+Z to the document's stack.
    for (QWidget *section : { static_cast<QWidget *>(m_general), static_cast<QWidget *>(m_speech),
                              static_cast<QWidget *>(m_conversation), static_cast<QWidget *>(m_tools),
                              static_cast<QWidget *>(m_variables) })
        m_undoFilter->watch(section);

    const bool readOnly = document->isReadOnly();
    for (AgentSection *s : { static_cast<AgentSection *>(m_general), static_cast<AgentSection *>(m_speech),
                             static_cast<AgentSection *>(m_conversation), static_cast<AgentSection *>(m_tools),
                             static_cast<AgentSection *>(m_variables), static_cast<AgentSection *>(m_playbook) })
        s->setReadOnly(readOnly);

    connect(document, &AgentDocument::agentChanged, this, &AgentEditor::refresh);
    connect(document, &AgentDocument::issuesChanged, this, &AgentEditor::showIssues);
    connect(document, &AgentDocument::modifiedChanged, this, [this] { Q_EMIT modifiedChanged(isModified()); });
    connect(m_playbook, &PlaybookSection::modifiedChanged, this, [this] { Q_EMIT modifiedChanged(isModified()); });
    connect(m_issues, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        revealField(item->data(Qt::UserRole).toString());
    });
    connect(m_issues, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        revealField(item->data(Qt::UserRole).toString());
    });
    refresh();
    showIssues();
}

void AgentEditor::refresh()
{
    const QString name = m_document->agent().name;
    m_title->setText(name.isEmpty() ? tr("(unnamed agent)") : name);
    const bool shipped = m_document->path().startsWith(QLatin1Char(':'));
    m_badge->setText(shipped ? tr("Shipped template") : m_document->slug() + QStringLiteral(".json"));
    m_badge->setEnabled(false);
    for (AgentSection *s : { static_cast<AgentSection *>(m_general), static_cast<AgentSection *>(m_speech),
                             static_cast<AgentSection *>(m_conversation), static_cast<AgentSection *>(m_tools),
                             static_cast<AgentSection *>(m_variables), static_cast<AgentSection *>(m_playbook) })
        s->refresh();
}

void AgentEditor::showIssues()
{
    const QList<AgentIssue> &issues = m_document->issues();
    m_errors->show(issues);
    m_issues->clear();
    const QIcon icon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const AgentIssue &issue : issues) {
        auto *item = new QListWidgetItem(icon, formatIssue(issue), m_issues);
        item->setData(Qt::UserRole, issue.pointer);
    }
    m_issues->setVisible(!issues.isEmpty());
    m_allGood->setVisible(issues.isEmpty());
}

void AgentEditor::revealField(const QString &pointer)
{
    QWidget *editor = m_errors->editorFor(pointer);
    if (!editor)
        return;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->isAncestorOf(editor)) {
            m_tabs->setCurrentIndex(i);
            break;
        }
    }
    editor->setFocus(Qt::OtherFocusReason);
}

void AgentEditor::reloadStoreData()
{
    m_conversation->preview()->reloadRecords();
}

bool AgentEditor::isModified() const
{
    return m_document->isModified() || m_playbook->isModified();
}

QString AgentEditor::save()
{
    if (m_document->isModified()) {
        if (const QString error = m_document->save(); !error.isEmpty())
            return error;
    }
    if (m_playbook->isModified())
        return m_playbook->save();
    return {};
}

} // namespace ringside::ui
