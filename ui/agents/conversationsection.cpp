#include "conversationsection.h"

#include "agentdocument.h"
#include "fielderrors.h"
#include "greetingpreview.h"
#include "templatehighlighter.h"

#include "agent/agentschema.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSet>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace ringside::ui {

ConversationSection::ConversationSection(AgentDocument *doc, FieldErrors *errors, Backend &backend,
                                         const Clock &clock, QWidget *parent)
    : AgentSection(doc, errors, parent)
{
    auto *layout = new QHBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter);

    auto *texts = new QWidget(splitter);
    auto *textsLayout = new QVBoxLayout(texts);
    textsLayout->setContentsMargins(0, 0, 0, 0);
    auto *greetingHeader = new QHBoxLayout;
    auto *greetingLabel = new QLabel(tr("&Greeting — the first words the agent says:"), texts);
    m_insert = new QToolButton(texts);
    m_insert->setObjectName(QStringLiteral("insertVariableButton"));
    m_insert->setText(tr("Insert variable"));
    m_insert->setPopupMode(QToolButton::InstantPopup);
    m_insert->setMenu(new QMenu(m_insert));
    greetingHeader->addWidget(greetingLabel, 1);
    greetingHeader->addWidget(m_insert);
    m_greeting = makeEditor(QStringLiteral("greetingEdit"));
    m_greeting->setMaximumHeight(110);
    greetingLabel->setBuddy(m_greeting);
    textsLayout->addLayout(greetingHeader);
    textsLayout->addWidget(errors->wrap(QStringLiteral("/agent/greetingMessage"), m_greeting));
    auto *promptLabel = new QLabel(tr("System &prompt — how the agent behaves (for LLM brains):"), texts);
    m_prompt = makeEditor(QStringLiteral("promptEdit"));
    promptLabel->setBuddy(m_prompt);
    textsLayout->addWidget(promptLabel);
    textsLayout->addWidget(errors->wrap(QStringLiteral("/agent/prompt"), m_prompt), 1);
    m_greetingHighlighter = new TemplateHighlighter(m_greeting->document());
    m_promptHighlighter = new TemplateHighlighter(m_prompt->document());

    auto *previewBox = new QGroupBox(tr("Greeting preview"), splitter);
    auto *previewLayout = new QVBoxLayout(previewBox);
    m_preview = new GreetingPreview(backend, clock, previewBox);
    previewLayout->addWidget(m_preview);
    previewLayout->addStretch(1);
    splitter->addWidget(texts);
    splitter->addWidget(previewBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    connect(m_greeting, &QPlainTextEdit::textChanged, this, [this] {
        if (!loading())
            document()->edit(QStringLiteral("greeting"), tr("Edit greeting"),
                             [this](Agent &a) { a.greetingMessage = m_greeting->toPlainText(); }, true);
    });
    connect(m_prompt, &QPlainTextEdit::textChanged, this, [this] {
        if (!loading())
            document()->edit(QStringLiteral("prompt"), tr("Edit prompt"),
                             [this](Agent &a) { a.prompt = m_prompt->toPlainText(); }, true);
    });
}

QPlainTextEdit *ConversationSection::makeEditor(const QString &objectName)
{
    auto *edit = new QPlainTextEdit(this);
    edit->setObjectName(objectName);
    edit->setUndoRedoEnabled(false);   // the document's undo stack covers text too
    edit->setTabChangesFocus(true);
    connect(edit, &QPlainTextEdit::cursorPositionChanged, this, [this, edit] { m_lastFocused = edit; });
    return edit;
}

void ConversationSection::insertVariable(const QString &name)
{
    QPlainTextEdit *target = m_lastFocused ? m_lastFocused : m_greeting;
    if (target->isReadOnly())
        return;
    target->insertPlainText(QStringLiteral("{{%1}}").arg(name));
    target->setFocus();
}

void ConversationSection::load(const Agent &agent)
{
    setTextIfDifferent(m_greeting, agent.greetingMessage);
    setTextIfDifferent(m_prompt, agent.prompt);
    QStringList declared;
    for (const TemplateVariable &v : agent.variables)
        declared << v.name;
    QSet<QString> known(declared.cbegin(), declared.cend());
    const QStringList builtIns = builtInVariables();
    for (const QString &b : builtIns)
        known.insert(b);
    m_greetingHighlighter->setKnownVariables(known);
    m_promptHighlighter->setKnownVariables(known);

    QMenu *menu = m_insert->menu();
    menu->clear();
    for (const QString &name : builtIns)
        menu->addAction(name, this, [this, name] { insertVariable(name); });
    if (!declared.isEmpty()) {
        menu->addSeparator()->setText(tr("Declared by this agent"));
        for (const QString &name : declared)
            menu->addAction(name, this, [this, name] { insertVariable(name); });
    }
    m_preview->setAgent(agent);
}

void ConversationSection::setReadOnly(bool readOnly)
{
    m_greeting->setReadOnly(readOnly);
    m_prompt->setReadOnly(readOnly);
    m_insert->setEnabled(!readOnly);
}

} // namespace ringside::ui
