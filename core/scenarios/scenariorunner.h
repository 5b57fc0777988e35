#pragma once
// Runs regression scenarios (docs/scenario-format.md): each in its own temporary store (the demo
// store around the scenario's "now", or its fixture), through a real Session and brain, with the
// call record written and read back. Used by `ringside-engine test` and the test suite.

#include "agent/agentcatalogue.h"
#include "scenarios/scenario.h"

#include <QHash>
#include <QTemporaryDir>

#include <memory>

namespace ringside {

namespace nlu {
class Analyser;
}

struct ScenarioOutcome
{
    QString name;
    QString file;
    bool passed = false;
    QStringList failures;            // empty when passed
    json transcript = json::array(); // the call's events, for --verbose and debugging
};

class ScenarioRunner
{
public:
    // `analyser`: shared by every scenario; built when null.
    explicit ScenarioRunner(std::shared_ptr<const nlu::Analyser> analyser = {});
    ~ScenarioRunner();

    ScenarioOutcome run(const Scenario &scenario);

private:
    // A fresh database file for the scenario; the demo store is generated once per (seed, now)
    // and copied, so a suite of a hundred scenarios does not regenerate it a hundred times.
    QString prepareStore(const Scenario &scenario, const QDateTime &now, QString *error);
    ScenarioOutcome runIn(const Scenario &scenario, const QString &dbPath, const QDateTime &now);

    std::shared_ptr<const nlu::Analyser> m_analyser;
    QTemporaryDir m_dir;
    QHash<QString, QString> m_templates; // "seed|now" → template database file
    AgentCatalogue m_catalogue;
    int m_count = 0;
};

} // namespace ringside
