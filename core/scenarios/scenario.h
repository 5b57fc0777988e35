#pragma once
// A regression scenario (docs/scenario-format.md): a scripted conversation with expectations.
// Reading checks every field and names problems by file and JSON pointer.

#include "util/jsonqt.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ringside {

struct ScenarioTurn
{
    QString user;
    json expect = json::object();
};

struct Scenario
{
    QString name;
    QString file;           // where it was read from
    QString agent;          // slug, name or file (resolved against the scenario's folder)
    QString brain = QStringLiteral("playbook");
    QString now;            // ISO; empty: the real clock
    quint64 seed = 1;
    QString fixture;        // absolute path, or empty for the demo store
    QString customer;
    QString order;
    QString cart;
    QString callerPhone;
    QString channel = QStringLiteral("chat");
    json vars = json::object();
    QList<ScenarioTurn> turns;
    json greeting = json::object();
    json expect = json::object();
};

struct ScenarioFile
{
    QList<Scenario> scenarios;
    QStringList errors;     // "FILE: /pointer: message"; a file with errors runs none of its scenarios
};

// One scenario object, an array of them, or {"scenarios": [...]}.
ScenarioFile readScenarioFile(const QString &path);
// Every *.json under `path` (a file or a folder), in name order; files in fixtures/ folders are
// not scenarios.
QStringList scenarioFiles(const QString &path);

} // namespace ringside
