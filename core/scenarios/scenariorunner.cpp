#include "scenarios/scenariorunner.h"

#include "scenarios/scenariochecks.h"

#include "analytics/callrecorder.h"
#include "analytics/callrecordstore.h"
#include "calls/callassembly.h"
#include "commerce/demostore.h"
#include "commerce/fixtureimporter.h"
#include "engine/nlu/analyser.h"
#include "engine/turnwait.h"
#include "storage/database.h"
#include "storage/sqlutil.h"
#include "tools/toolcatalogue.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ringside {

namespace {

constexpr int kTurnTimeoutMs = 60000;

json recordFields(const analytics::CallRecord &r)
{
    return { { "outcome", r.outcome },         { "useCase", r.useCase },     { "direction", r.direction },
             { "channel", r.channel },         { "language", r.language },   { "customerId", r.customerId },
             { "orderId", r.orderId },         { "cartId", r.cartId },       { "handledBy", r.handledBy },
             { "escalationReason", r.escalationReason }, { "cancelReason", r.cancelReason },
             { "revenueMinor", r.revenueMinor }, { "turns", r.turns } };
}

// Folds the events of one stretch of the call into a TurnRecord.
void fold(const SessionEvent &ev, scenario::TurnRecord *turn)
{
    if (ev.is(EventType::Agent)) {
        turn->reply += (turn->reply.isEmpty() ? QString() : QStringLiteral(" ")) + ev.text();
    } else if (ev.is(EventType::ToolCall)) {
        turn->tools.push_back({ { "name", ev.data.value("name", "") }, { "arguments", ev.data.value("arguments", json::object()) } });
    } else if (ev.is(EventType::Escalation)) {
        turn->escalated = true;
        turn->escalationReason = stringAt(ev.data, "reason");
    } else if (ev.is(EventType::End)) {
        turn->ended = true;
    }
}

} // namespace

ScenarioRunner::ScenarioRunner(std::shared_ptr<const nlu::Analyser> analyser)
    : m_analyser(std::move(analyser)), m_catalogue(QString(), toolNames())
{
    if (!m_analyser) {
        auto built = nlu::Analyser::builtin();
        if (built.ok())
            m_analyser = std::make_shared<const nlu::Analyser>(std::move(built).value());
    }
}

ScenarioRunner::~ScenarioRunner() = default;

QString ScenarioRunner::prepareStore(const Scenario &scenario, const QDateTime &now, QString *error)
{
    const QString path = m_dir.filePath(QStringLiteral("scenario-%1.db").arg(++m_count));
    if (!scenario.fixture.isEmpty()) {
        auto db = Database::open(path, error);
        if (!db)
            return {};
        commerce::ImportOptions options;
        options.now = now;
        const commerce::ImportReport report = commerce::FixtureImporter(*db).importFile(scenario.fixture, options);
        if (!report.ok) {
            *error = QStringLiteral("fixture %1: %2").arg(scenario.fixture, report.errors.join(QStringLiteral("; ")));
            return {};
        }
        return path;
    }
    const QString key = QStringLiteral("%1|%2").arg(scenario.seed).arg(now.toMSecsSinceEpoch());
    QString templ = m_templates.value(key);
    if (templ.isEmpty()) {
        templ = m_dir.filePath(QStringLiteral("demo-%1.db").arg(m_templates.size() + 1));
        {
            auto db = Database::open(templ, error);
            if (!db)
                return {};
            commerce::ImportOptions options;
            options.now = now;
            const commerce::ImportReport report =
                    commerce::FixtureImporter(*db).importData(commerce::generateDemoStore(scenario.seed, now), options);
            if (!report.ok) {
                *error = QStringLiteral("demo store: %1").arg(report.errors.join(QStringLiteral("; ")));
                return {};
            }
        } // closed here, so the file is complete before it is copied
        m_templates.insert(key, templ);
    }
    if (!QFile::copy(templ, path)) {
        *error = QStringLiteral("cannot copy the demo store to %1").arg(path);
        return {};
    }
    return path;
}

ScenarioOutcome ScenarioRunner::run(const Scenario &scenario)
{
    ScenarioOutcome out;
    out.name = scenario.name;
    out.file = scenario.file;
    const auto fail = [&](const QString &why) {
        out.failures << why;
        return out;
    };
    if (!m_dir.isValid())
        return fail(QStringLiteral("no temporary folder for the store: %1").arg(m_dir.errorString()));
    if (!m_analyser)
        return fail(QStringLiteral("the built-in NLU lexicon does not load"));
    Clock clock;
    QString error;
    if (!Clock::fromOption(scenario.now, &clock, &error))
        return fail(QStringLiteral("now: %1").arg(error));
    const QDateTime start = clock.now();
    const QString dbPath = prepareStore(scenario, start, &error);
    if (dbPath.isEmpty())
        return fail(error);
    try {
        out = runIn(scenario, dbPath, start);
    } catch (const StorageError &e) {
        out.failures << QStringLiteral("store failure: %1").arg(QString::fromUtf8(e.what()));
    }
    out.name = scenario.name;
    out.file = scenario.file;
    QFile::remove(dbPath);
    out.passed = out.failures.isEmpty();
    return out;
}

ScenarioOutcome ScenarioRunner::runIn(const Scenario &scenario, const QString &dbPath, const QDateTime &now)
{
    ScenarioOutcome out;
    QString error;
    auto db = Database::open(dbPath, &error);
    if (!db) {
        out.failures << error;
        return out;
    }
    CallAssembly assembly(*db, CallServices{ m_analyser, Clock(now) });

    // An agent named by a path is relative to the scenario file.
    QString agentKey = scenario.agent;
    const QString besideScenario = QFileInfo(scenario.file).dir().filePath(scenario.agent);
    if (scenario.agent.endsWith(QLatin1String(".json")) && QFileInfo::exists(besideScenario))
        agentKey = besideScenario;
    const Result<CatalogueEntry> entry = m_catalogue.find(agentKey);
    if (!entry.ok()) {
        out.failures << QStringLiteral("agent: %1").arg(entry.error());
        return out;
    }

    CallRequest request;
    request.agent = entry.value();
    request.brainKind = scenario.brain;
    request.subject.customerId = scenario.customer;
    request.subject.orderId = scenario.order;
    request.subject.cartId = scenario.cart;
    request.subject.callerPhone = scenario.callerPhone;
    for (auto it = scenario.vars.begin(); it != scenario.vars.end(); ++it)
        request.subject.overrides.insert(qs(it.key()), qs(it->get<std::string>()));
    request.channel = scenario.channel;
    auto assembled = assembly.assemble(request);
    if (!assembled.ok()) {
        out.failures << assembled.error();
        return out;
    }
    AssembledCall call = std::move(assembled).value(); // the recorder outlives the session
    Session *const session = call.session.get();

    std::vector<scenario::TurnRecord> turns(1); // [0]: the greeting
    QObject::connect(session, &Session::eventOccurred, session, [&](const SessionEvent &ev) {
        fold(ev, &turns.back());
        out.transcript.push_back(ev.toJson());
    });
    session->start();
    out.failures << scenario::checkGreeting(scenario.greeting, turns.front());

    const int maxSentences = scenario.expect.value("maxSentences", 3);
    for (int i = 0; i < scenario.turns.size(); ++i) {
        const ScenarioTurn &turn = scenario.turns.at(i);
        if (session->isEnded()) {
            out.failures << QStringLiteral("turn %1 (\"%2\"): the call had already ended").arg(i + 1).arg(turn.user.left(60));
            break;
        }
        turns.emplace_back();
        turns.back().user = turn.user;
        if (!sayAndWait(*session, turn.user, kTurnTimeoutMs)) {
            out.failures << QStringLiteral("turn %1: no answer within %2 s").arg(i + 1).arg(kTurnTimeoutMs / 1000);
            break;
        }
        out.failures << scenario::checkTurn(turn.expect, turns.back(), i + 1, maxSentences);
    }
    const bool endedByCall = session->isEnded();
    if (!endedByCall)
        session->end(QStringLiteral("hangup"));

    scenario::CallRecordView view;
    if (!call.recordId().isEmpty()) {
        if (const auto record = assembly.records().byId(call.recordId())) {
            view.stored = true;
            view.fields = recordFields(*record);
        }
    }
    if (!view.stored)
        out.failures << QStringLiteral("no call record was stored");
    out.failures << scenario::checkAlways(turns);
    out.failures << scenario::checkCall(scenario.expect, turns, session->outcome(), endedByCall, view);
    return out;
}

} // namespace ringside
