#pragma once
// A BrainContext for brain tests: records everything the brain does, in order, and runs tool
// calls through a real ToolRegistry over a real SQLite store loaded from fixtures/store.json.

#include "commerce/fixtureimporter.h"
#include "commerce/sqlstore.h"
#include "conversation/brain.h"
#include "storage/database.h"
#include "tools/toolregistry.h"
#include "util/clock.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace ringside::testing {

// Thursday 26 November 2026, 10:00 in India: the fixture's dates are relative to it.
inline QDateTime brainTestNow()
{
    return parseIso(QStringLiteral("2026-11-26T10:00:00+05:30"));
}

// The fixture store, fresh for each test.
class FixtureStore
{
public:
    FixtureStore()
    {
        m_db = Database::open(m_dir.filePath(QStringLiteral("brain.db")), &m_error);
        if (!m_db)
            return;
        commerce::ImportOptions options;
        options.now = brainTestNow();
        const auto report = commerce::FixtureImporter(*m_db).importFile(
                QStringLiteral(RINGSIDE_TEST_DIR "/fixtures/store.json"), options);
        if (!report.ok) {
            m_error = report.errors.join(QLatin1Char('\n'));
            m_db.reset();
            return;
        }
        m_store = std::make_unique<SqlStore>(*m_db);
        m_registry = std::make_unique<ToolRegistry>(*m_store);
    }
    bool ok() const { return m_registry != nullptr; }
    const QString &error() const { return m_error; }
    ToolRegistry &registry() { return *m_registry; }

private:
    QTemporaryDir m_dir;
    QString m_error;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<ToolRegistry> m_registry;
};

struct RecordedToolCall
{
    QString name;
    json arguments;
    json result;
};

class RecordingContext : public BrainContext
{
public:
    RecordingContext(ToolRegistry &registry, QString language = QStringLiteral("en-US"))
        : m_registry(registry), m_language(std::move(language))
    {
        clock.start();
        variables = {{QStringLiteral("storeName"), QStringLiteral("Kiran Stores")},
                     {QStringLiteral("orderIdFormat"), QStringLiteral("ORD followed by six digits")}};
    }

    void say(const QString &text) override
    {
        record("agent", {{"text", text}});
        said << text;
    }
    json callTool(const QString &name, const json &arguments) override
    {
        record("tool_call", {{"name", name}, {"arguments", arguments}});
        ToolContext context;
        context.now = brainTestNow();
        context.language = m_language;
        const json result = m_registry.call(name, arguments, context);
        record("tool_result", {{"name", name}, {"result", result}});
        toolCalls.append({name, arguments, result});
        return result;
    }
    void escalate(const QString &reason, const QString &summary) override
    {
        record("escalation", {{"reason", reason}, {"summary", summary}});
        escalations.append({reason, summary});
        if (onEscalate)
            onEscalate();
    }
    void setOutcome(const QString &outcome) override
    {
        record("outcome", {{"outcome", outcome}});
        outcomes << outcome;
    }
    void setRevenue(qint64 minor, const QString &currency) override
    {
        record("revenue", {{"minor", minor}, {"currency", currency}});
        revenue = {minor, currency};
    }
    void endCall(const QString &outcome) override
    {
        record("end", {{"outcome", outcome}});
        endedWith << outcome;
    }
    void finishTurn() override
    {
        record("finish", json::object());
        ++finishedTurns;
    }
    QString variable(const QString &name) const override { return variables.value(name); }
    QString language() const override { return m_language; }
    QDateTime now() const override { return brainTestNow(); }
    QStringList takeWhispers() override { return std::exchange(whispers, {}); }

    bool waitForTurns(int count, int timeoutMs = 8000)
    {
        return QTest::qWaitFor([&] { return finishedTurns >= count; }, timeoutMs);
    }
    // The event types in order, e.g. "tool_call tool_result agent finish".
    QString typeSequence() const
    {
        QStringList types;
        for (const json &e : events)
            types << stringAt(e, "type");
        return types.join(QLatin1Char(' '));
    }
    qint64 timeOf(const QString &type, int nth = 0) const
    {
        for (const json &e : events) {
            if (stringAt(e, "type") == type && nth-- == 0)
                return e.value("t_ms", qint64(-1));
        }
        return -1;
    }

    QHash<QString, QString> variables;
    QStringList whispers;
    QStringList said;
    QList<RecordedToolCall> toolCalls;
    QList<QPair<QString, QString>> escalations;
    QStringList endedWith;
    QStringList outcomes;
    QPair<qint64, QString> revenue = {-1, QString()};
    int finishedTurns = 0;
    QList<json> events;
    QElapsedTimer clock;
    std::function<void()> onEscalate;

private:
    void record(const char *type, json data)
    {
        data["type"] = type;
        data["t_ms"] = clock.elapsed();
        events.append(std::move(data));
    }

    ToolRegistry &m_registry;
    QString m_language;
};

} // namespace ringside::testing
