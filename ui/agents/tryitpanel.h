#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ringside {
class Clock;
}

namespace ringside::ui {

class Backend;

// Runs one tool with JSON arguments against the store, on the worker, and shows the JSON result
// exactly as a brain would receive it. Arguments are checked as JSON first (line and column of a
// syntax error); the tool's own validation answers everything else.
class TryItPanel final : public QWidget
{
    Q_OBJECT
public:
    TryItPanel(Backend &backend, const Clock &clock, QWidget *parent = nullptr);

    // Shows `toolName` with example arguments built from its schema (demo-store ids where the
    // argument names one). `language` is the agent's: tools answer in it.
    void setTool(const QString &toolName, const QString &language);
    void run();

    QPlainTextEdit *argumentsEdit() const { return m_arguments; }
    QPushButton *runButton() const { return m_run; }
    QString resultText() const;
    QString statusText() const;

Q_SIGNALS:
    void finished();

private:
    Backend &m_backend;
    const Clock &m_clock;
    QString m_tool;
    QString m_language;
    QPlainTextEdit *m_arguments = nullptr;
    QPushButton *m_run = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_result = nullptr;
    quint64 m_generation = 0;
};

// Example arguments for a tool: its required properties (and the identifying ones) with
// plausible values, e.g. {"order_id": "ORD-482913"}.
QString exampleArguments(const QString &toolName);

} // namespace ringside::ui
