#pragma once
// A real engine for tests: the demo store in a temporary SQLite file (generated around a fixed
// "now"), the tool registry, call records (each session recorded by its own analytics::CallRecorder)
// and the built-in NLU, plus a log of session events.

#include "agent/agentcatalogue.h"
#include "analytics/callrecorder.h"
#include "analytics/callrecordstore.h"
#include "commerce/demostore.h"
#include "commerce/fixtureimporter.h"
#include "commerce/sqlstore.h"
#include "engine/nlu/analyser.h"
#include "engine/sessionfactory.h"
#include "engine/turnwait.h"
#include "storage/database.h"
#include "tools/toolcatalogue.h"
#include "tools/toolregistry.h"
#include "util/clock.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>
#include <vector>

namespace ringside::test {

inline const QString kNow = QStringLiteral("2026-11-26T10:00:00+05:30"); // a Thursday

inline std::shared_ptr<const nlu::Analyser> sharedAnalyser()
{
    static std::shared_ptr<const nlu::Analyser> analyser = [] {
        auto built = nlu::Analyser::builtin();
        return built.ok() ? std::make_shared<const nlu::Analyser>(std::move(built).value()) : nullptr;
    }();
    return analyser;
}

class EngineFixture
{
public:
    EngineFixture()
    {
        now = parseIso(kNow);
        QString error;
        db = Database::open(dir.filePath(QStringLiteral("engine.db")), &error);
        if (!db) {
            this->error = error;
            return;
        }
        commerce::ImportOptions options;
        options.now = now;
        const auto report = commerce::FixtureImporter(*db).importData(commerce::generateDemoStore(1, now), options);
        if (!report.ok)
            this->error = report.errors.join(QStringLiteral("; "));
        store = std::make_unique<SqlStore>(*db);
        tools = std::make_unique<ToolRegistry>(*store);
        records = std::make_unique<analytics::CallRecordStore>(*db);
    }

    bool ok() const { return error.isEmpty() && sharedAnalyser(); }

    EngineServices services(SessionObserver *observer = nullptr)
    {
        return EngineServices{ *store, *tools, observer, sharedAnalyser() };
    }

    CatalogueEntry agent(const QString &key) const
    {
        const AgentCatalogue catalogue(QString(), toolNames());
        const auto found = catalogue.find(key);
        return found.ok() ? found.value() : CatalogueEntry();
    }

    SessionRequest request(const QString &agentKey, const CallSubject &subject = {}) const
    {
        const CatalogueEntry entry = agent(agentKey);
        SessionRequest r;
        r.agent = entry.agent;
        r.agentPath = entry.path;
        r.subject = subject;
        r.clock = Clock(now);
        return r;
    }

    std::unique_ptr<Session> session(const SessionRequest &request, QString *failure = nullptr)
    {
        auto recorder = std::make_unique<analytics::CallRecorder>(*records);
        auto created = createSession(request, services(recorder.get()));
        if (!created.ok()) {
            if (failure)
                *failure = created.error();
            return nullptr;
        }
        std::unique_ptr<Session> s = std::move(created).value();
        recorderOf[s.get()] = recorder.get();
        recorders.push_back(std::move(recorder)); // kept for the fixture's life: outlives every session
        return s;
    }

    // The id of the call record kept for a session made by session() (empty before it started).
    QString recordId(const Session &s) const
    {
        const auto it = recorderOf.find(&s);
        return it == recorderOf.end() ? QString() : it->second->recordId();
    }

    QTemporaryDir dir;
    QDateTime now;
    QString error;
    std::unique_ptr<Database> db;
    std::unique_ptr<SqlStore> store;
    std::unique_ptr<ToolRegistry> tools;
    std::unique_ptr<analytics::CallRecordStore> records;
    std::vector<std::unique_ptr<analytics::CallRecorder>> recorders;
    std::map<const Session *, analytics::CallRecorder *> recorderOf;
};

// Every event a session emits, in order.
struct EventLog
{
    std::vector<SessionEvent> events;

    void attach(Session &session)
    {
        QObject::connect(&session, &Session::eventOccurred, &session, [this](const SessionEvent &ev) { events.push_back(ev); });
    }
    size_t mark() const { return events.size(); }
    std::vector<SessionEvent> since(size_t from, const QString &type = {}) const
    {
        std::vector<SessionEvent> out;
        for (size_t i = from; i < events.size(); ++i) {
            if (type.isEmpty() || events[i].type == type)
                out.push_back(events[i]);
        }
        return out;
    }
    // The agent's words since `from`, joined.
    QString replySince(size_t from) const
    {
        QStringList parts;
        for (const SessionEvent &ev : since(from, QStringLiteral("agent")))
            parts << ev.text();
        return parts.join(QLatin1Char(' '));
    }
    int count(const QString &type) const { return int(since(0, type).size()); }
};

} // namespace ringside::test
