#pragma once

#include "agentsection.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace ringside::ui {

class Backend;

// The agent's playbook for the offline brain (docs/playbook-format.md): its file name, and the
// file itself as JSON text with its own undo. Syntax is checked as you type; the engine's
// playbook validator (on the worker, shortly after typing stops) reports every other problem
// with its JSON pointer. Saving refuses broken JSON and keeps the text.
class PlaybookSection final : public AgentSection
{
    Q_OBJECT
public:
    PlaybookSection(AgentDocument *document, FieldErrors *errors, Backend &backend, QWidget *parent = nullptr);
    void setReadOnly(bool readOnly) override;

    bool isModified() const;
    // Writes the text beside the agent file; returns the error, or empty on success.
    QString save();
    QPlainTextEdit *editor() const { return m_text; }
    QString checkText() const;
    // Where the text was read from and where save() writes.
    QString sourcePath() const { return m_source; }
    QString targetPath() const { return m_target; }

Q_SIGNALS:
    void modifiedChanged(bool modified);
    // The engine's validator has answered for the current text.
    void validated();

protected:
    void load(const Agent &agent) override;

private:
    void openFile(const QString &fileName);
    void check();
    void validate();
    void showResult(const QString &text, bool problem);

    Backend &m_backend;
    QTimer *m_validateTimer = nullptr;
    quint64 m_generation = 0;
    QLineEdit *m_fileName = nullptr;
    QLabel *m_where = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_check = nullptr;
    QPushButton *m_save = nullptr;
    QString m_openedName;
    QString m_source;
    QString m_target;
    bool m_readOnly = false;
};

} // namespace ringside::ui
