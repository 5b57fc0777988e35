#include "toolssection.h"

#include "agentdocument.h"
#include "fielderrors.h"
#include "tryitpanel.h"

#include "tools/toolcatalogue.h"

#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

namespace ringside::ui {

ToolsSection::ToolsSection(AgentDocument *doc, FieldErrors *errors, Backend &backend, const Clock &clock,
                           QWidget *parent)
    : AgentSection(doc, errors, parent)
{
    auto *layout = new QHBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *hint = new QLabel(tr("Tick the tools this agent may call:"), left);
    m_list = new QListWidget(left);
    m_list->setObjectName(QStringLiteral("toolsList"));
    for (const ToolDefinition &tool : toolCatalogue()) {
        auto *item = new QListWidgetItem(tool.name, m_list);
        item->setData(Qt::UserRole, tool.name);
        item->setToolTip(tool.description);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    leftLayout->addWidget(hint);
    leftLayout->addWidget(errors->wrap(QStringLiteral("/agent/tools"), m_list), 1);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *schemaBox = new QGroupBox(tr("What the model sees"), right);
    auto *schemaLayout = new QVBoxLayout(schemaBox);
    m_description = new QLabel(schemaBox);
    m_description->setObjectName(QStringLiteral("toolDescription"));
    m_description->setWordWrap(true);
    m_schema = new QPlainTextEdit(schemaBox);
    m_schema->setObjectName(QStringLiteral("schemaView"));
    m_schema->setReadOnly(true);
    m_schema->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    schemaLayout->addWidget(m_description);
    schemaLayout->addWidget(m_schema);
    auto *tryBox = new QGroupBox(tr("Try it"), right);
    auto *tryLayout = new QVBoxLayout(tryBox);
    m_tryIt = new TryItPanel(backend, clock, tryBox);
    tryLayout->addWidget(m_tryIt);
    rightLayout->addWidget(schemaBox, 2);
    rightLayout->addWidget(tryBox, 3);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    connect(m_list, &QListWidget::currentItemChanged, this, &ToolsSection::handleCurrentChanged);
    connect(m_list, &QListWidget::itemChanged, this, &ToolsSection::handleItemChanged);
    m_list->setCurrentRow(0);
}

void ToolsSection::showTool(const QString &name)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == name)
            m_list->setCurrentRow(i);
    }
}

void ToolsSection::handleCurrentChanged()
{
    const QListWidgetItem *item = m_list->currentItem();
    const QString name = item ? item->data(Qt::UserRole).toString() : QString();
    const ToolDefinition *tool = findTool(name);
    m_description->setText(tool ? QStringLiteral("<b>%1</b> — %2").arg(name.toHtmlEscaped(), tool->description.toHtmlEscaped())
                                : QString());
    m_schema->setPlainText(tool ? QString::fromStdString(tool->parameters.dump(2)) : QString());
    m_tryIt->setTool(name, document()->agent().language);
}

void ToolsSection::handleItemChanged()
{
    if (loading())
        return;
    if (m_readOnly) {   // a read-only list still lets the user tick; put it back
        refresh();
        return;
    }
    // Keep the agent's order for tools it already had, append newly ticked ones.
    QStringList ticked;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            ticked << m_list->item(i)->data(Qt::UserRole).toString();
    }
    QStringList tools;
    for (const QString &t : document()->agent().tools) {
        if (ticked.contains(t) || !findTool(t))   // unknown names stay: the validator reports them
            tools << t;
    }
    for (const QString &t : ticked) {
        if (!tools.contains(t))
            tools << t;
    }
    document()->edit(QStringLiteral("tools"), tr("Change tools"), [&](Agent &a) { a.tools = tools; });
}

void ToolsSection::load(const Agent &agent)
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const Qt::CheckState state = agent.tools.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked;
        if (item->checkState() != state)
            item->setCheckState(state);
    }
    handleCurrentChanged();
}

void ToolsSection::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    const QSignalBlocker block(m_list);   // flag changes emit itemChanged; they are not edits
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        item->setFlags(readOnly ? item->flags() & ~Qt::ItemIsUserCheckable : item->flags() | Qt::ItemIsUserCheckable);
    }
}

} // namespace ringside::ui
