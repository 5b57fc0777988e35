#include "playbooksection.h"

#include "agentdocument.h"
#include "fielderrors.h"
#include "playbookcheck.h"

#include "services/backend.h"

#include "agent/agentcatalogue.h"
#include "agent/jsonreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTimer>
#include <QVBoxLayout>

namespace ringside::ui {

PlaybookSection::PlaybookSection(AgentDocument *doc, FieldErrors *errors, Backend &backend, QWidget *parent)
    : AgentSection(doc, errors, parent)
    , m_backend(backend)
    , m_validateTimer(new QTimer(this))
{
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(400);
    connect(m_validateTimer, &QTimer::timeout, this, &PlaybookSection::validate);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_fileName = new QLineEdit(this);
    m_fileName->setObjectName(QStringLiteral("playbookNameEdit"));
    m_fileName->setPlaceholderText(tr("e.g. order-tracker.playbook.json (empty: no playbook)"));
    form->addRow(tr("Playbook &file:"), errors->wrap(QStringLiteral("/agent/playbook"), m_fileName));
    layout->addLayout(form);
    m_where = new QLabel(this);
    m_where->setWordWrap(true);
    m_where->setEnabled(false);
    layout->addWidget(m_where);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("playbookEdit"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_text, 1);
    auto *row = new QHBoxLayout;
    m_check = new QLabel(this);
    m_check->setObjectName(QStringLiteral("playbookCheck"));
    m_check->setWordWrap(true);
    m_save = new QPushButton(tr("Save &playbook"), this);
    m_save->setObjectName(QStringLiteral("savePlaybookButton"));
    m_save->setEnabled(false);
    row->addWidget(m_check, 1);
    row->addWidget(m_save);
    layout->addLayout(row);

    connect(m_fileName, &QLineEdit::textEdited, this, [this](const QString &text) {
        document()->edit(QStringLiteral("playbook"), tr("Change playbook file"), [&](Agent &a) { a.playbook = text.trimmed(); }, true);
    });
    connect(m_text, &QPlainTextEdit::textChanged, this, &PlaybookSection::check);
    connect(m_text->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        m_save->setEnabled(modified && !m_readOnly);
        Q_EMIT modifiedChanged(modified);
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString error = save();
        if (!error.isEmpty())
            m_check->setText(error);
    });
}

void PlaybookSection::load(const Agent &agent)
{
    setTextIfDifferent(m_fileName, agent.playbook);
    // Keep unsaved text while the name is being typed; open the file once the name settles on
    // something else and nothing would be lost.
    if (agent.playbook != m_openedName && !isModified())
        openFile(agent.playbook);
}

void PlaybookSection::openFile(const QString &fileName)
{
    m_openedName = fileName;
    m_source.clear();
    m_target.clear();
    if (fileName.isEmpty() || !fileName.endsWith(QLatin1String(".json"))) {
        m_where->setText(tr("This agent has no playbook: the embedded brain needs one, LLM brains do not."));
        m_text->setPlainText(QString());
        m_text->setEnabled(false);
        m_text->document()->setModified(false);
        check();
        return;
    }
    const QFileInfo agentFile(document()->path());
    const QString beside = agentFile.dir().filePath(fileName);
    const QString shipped = QDir(AgentCatalogue::shippedFolder()).filePath(fileName);
    const bool isShippedAgent = document()->path().startsWith(QLatin1Char(':'));
    m_target = isShippedAgent ? QString() : beside;
    if (QFile::exists(beside))
        m_source = beside;
    else if (QFile::exists(shipped))
        m_source = shipped;
    QString text;
    if (!m_source.isEmpty()) {
        QFile file(m_source);
        if (file.open(QIODevice::ReadOnly))
            text = QString::fromUtf8(file.readAll());
    }
    if (m_source.isEmpty())
        m_where->setText(m_target.isEmpty() ? tr("%1 does not exist yet.").arg(fileName)
                                            : tr("%1 does not exist yet; saving creates it beside the agent.").arg(m_target));
    else if (m_source == m_target)
        m_where->setText(tr("Editing %1").arg(m_source));
    else if (m_target.isEmpty())
        m_where->setText(tr("Shipped playbook %1 (read-only).").arg(fileName));
    else
        m_where->setText(tr("Showing the shipped playbook; saving writes your copy to %1.").arg(m_target));
    m_text->setEnabled(true);
    m_text->setPlainText(text);
    m_text->document()->setModified(false);
    m_text->setReadOnly(m_readOnly || m_target.isEmpty());
    check();
}

void PlaybookSection::check()
{
    ++m_generation;   // an answer for older text is no longer wanted
    m_validateTimer->stop();
    const QString text = m_text->toPlainText();
    if (text.trimmed().isEmpty()) {
        showResult(m_openedName.isEmpty() ? QString() : tr("Empty."), false);
        return;
    }
    const JsonReadResult read = readJson(text.toUtf8());
    if (!read.parsed || !read.issues.isEmpty()) {
        showResult(formatIssue(read.issues.first()), true);
        return;
    }
    showResult(tr("Checking…"), false);
    m_validateTimer->start();
}

void PlaybookSection::validate()
{
    const QByteArray bytes = m_text->toPlainText().toUtf8();
    const QStringList tools = document()->agent().tools;
    const quint64 generation = m_generation;
    whenReady(m_backend.run([bytes, tools](WorkerServices &) { return checkPlaybookText(bytes, tools); }), this,
              [this, generation](const QList<JsonIssue> &issues) {
                  if (generation != m_generation)
                      return;
                  if (issues.isEmpty()) {
                      showResult(tr("✓ No problems: the engine's playbook checks pass."), false);
                  } else {
                      QStringList lines;
                      for (const JsonIssue &issue : issues.mid(0, 5))
                          lines << formatIssue(issue);
                      if (issues.size() > 5)
                          lines << tr("… and %n more.", nullptr, int(issues.size() - 5));
                      showResult(tr("%n problem(s):", nullptr, int(issues.size())) + QLatin1Char('\n')
                                         + lines.join(QLatin1Char('\n')),
                                 true);
                  }
                  Q_EMIT validated();
              },
              [this, generation](const QString &error) {
                  if (generation == m_generation)
                      showResult(error, true);
                  Q_EMIT validated();
              });
}

void PlaybookSection::showResult(const QString &text, bool problem)
{
    m_check->setText(text);
    QPalette p = m_check->palette();
    p.setColor(QPalette::WindowText, problem ? QColor(0xb3, 0x26, 0x1e) : palette().color(QPalette::WindowText));
    m_check->setPalette(p);
}

QString PlaybookSection::checkText() const
{
    return m_check->text();
}

bool PlaybookSection::isModified() const
{
    return m_text->document()->isModified();
}

QString PlaybookSection::save()
{
    if (m_target.isEmpty())
        return tr("This playbook belongs to a shipped agent; duplicate the agent to edit it.");
    const JsonReadResult read = readJson(m_text->toPlainText().toUtf8());
    if (!read.parsed || !read.issues.isEmpty())
        return tr("Not saved: %1").arg(formatIssue(read.issues.first()));
    QSaveFile file(m_target);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(m_target, file.errorString());
    QByteArray bytes = m_text->toPlainText().toUtf8();
    if (!bytes.endsWith('\n'))
        bytes.append('\n');
    file.write(bytes);
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(m_target, file.errorString());
    m_source = m_target;
    m_where->setText(tr("Editing %1").arg(m_source));
    m_text->document()->setModified(false);
    return {};
}

void PlaybookSection::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_fileName->setReadOnly(readOnly);
    m_text->setReadOnly(readOnly || m_target.isEmpty());
    m_save->setEnabled(!readOnly && isModified());
}

} // namespace ringside::ui
