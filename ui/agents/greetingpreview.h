#pragma once

#include "agent/agent.h"
#include "previewvariables.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace ringside {
class Clock;
}

namespace ringside::ui {

class Backend;

// The greeting as a customer would hear it, for a test record chosen from the store (an order,
// a cart, a customer or a phone number). Store lookups run on the worker; rendering the edited
// greeting is immediate.
class GreetingPreview final : public QWidget
{
    Q_OBJECT
public:
    GreetingPreview(Backend &backend, const Clock &clock, QWidget *parent = nullptr);

    // Re-renders for the agent being edited (its greeting, language and declared defaults).
    void setAgent(const Agent &agent);
    // Reads the suggested records again (after the store changed).
    void reloadRecords();
    void setRecord(const QString &recordId);

    QString renderedText() const { return m_rendered; }
    QStringList missingVariables() const { return m_missing; }
    QComboBox *recordCombo() const { return m_record; }

Q_SIGNALS:
    void previewUpdated();

private:
    void resolve();
    void render();

    Backend &m_backend;
    const Clock &m_clock;
    QComboBox *m_record = nullptr;
    QLabel *m_context = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_missingLabel = nullptr;
    Agent m_agent;
    PreviewValues m_values;
    QString m_resolvedFor;      // record id + language the values are for
    quint64 m_generation = 0;   // drops answers to superseded lookups
    QString m_rendered;
    QStringList m_missing;
};

} // namespace ringside::ui
