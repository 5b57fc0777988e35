// Session: events and timings, the call record, operator controls, queued turns, and hostile input.
// Runs the real playbook brain over the demo store; one brain below is written here to answer a
// turn later from the event loop, as the LLM brain does, so queueing and cancelling are exercised.
#include "enginefixture.h"

#include "engine/inputhygiene.h"
#include "engine/playbookbrain.h"

#include <QTimer>

using namespace ringside;
using namespace ringside::test;

namespace {

// Answers every turn on the next pass of the event loop with "heard: <text>".
class LaterBrain final : public Brain
{
public:
    int cancels = 0;
    void begin(BrainContext &) override {}
    void respond(const QString &text, BrainContext &ctx) override
    {
        m_pending = true;
        QTimer::singleShot(0, [this, text, &ctx] {
            if (!m_pending)
                return;
            m_pending = false;
            ctx.say(QStringLiteral("heard: ") + text);
            ctx.finishTurn();
        });
    }
    void cancel() override
    {
        ++cancels;
        m_pending = false;
    }
    QString kind() const override { return QStringLiteral("later"); }

private:
    bool m_pending = false;
};

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private:
    EngineFixture f;

    std::unique_ptr<Session> tracker(EventLog *log, bool endOnEscalation = true)
    {
        SessionRequest r = f.request(QStringLiteral("order-tracker"));
        r.endOnEscalation = endOnEscalation;
        QString why;
        auto s = f.session(r, &why);
        if (!s)
            qWarning("%s", qPrintable(why));
        if (s && log)
            log->attach(*s);
        return s;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(f.ok(), qPrintable(f.error)); }

    void greetingThenTurnEmitsEventsInOrder()
    {
        EventLog log;
        auto s = tracker(&log);
        QVERIFY(s);
        s->start();
        QCOMPARE(log.events.size(), size_t(1));
        QCOMPARE(log.events[0].type, QStringLiteral("agent"));
        QVERIFY(log.events[0].text().contains(QStringLiteral("Kiran Stores")));

        QVERIFY(sayAndWait(*s, QStringLiteral("Where's my order?")));
        QStringList types;
        for (const SessionEvent &ev : log.events)
            types << ev.type;
        QCOMPARE(types, (QStringList{ QStringLiteral("agent"), QStringLiteral("user"), QStringLiteral("latency"), QStringLiteral("agent") }));
        QCOMPARE(log.events[1].text(), QStringLiteral("Where's my order?"));
        QVERIFY(log.events[3].text().contains(QStringLiteral("order number"), Qt::CaseInsensitive));
        qint64 last = 0;
        for (const SessionEvent &ev : log.events) {
            QVERIFY(ev.tMs >= last);
            last = ev.tMs;
            QCOMPARE(ev.toJson()["type"].get<std::string>(), ev.type.toStdString());
            QVERIFY(ev.toJson().contains("t_ms"));
        }
        // The latency event is what the call record keeps as the turn's latency.
        const analytics::CallRecord &record = f.recorderOf.at(s.get())->record();
        QCOMPARE(record.turnLatenciesMs.size(), size_t(1));
        QCOMPARE(log.events[2].data["ms"].get<int>(), record.turnLatenciesMs.front());
    }

    void lookupEmitsToolCallAndResult()
    {
        EventLog log;
        auto s = tracker(&log);
        s->start();
        const size_t mark = log.mark();
        QVERIFY(sayAndWait(*s, QStringLiteral("It's ORD 482913")));
        const auto calls = log.since(mark, QStringLiteral("tool_call"));
        const auto results = log.since(mark, QStringLiteral("tool_result"));
        QCOMPARE(calls.size(), size_t(1));
        QCOMPARE(calls[0].data["name"].get<std::string>(), std::string("get_order_status"));
        QCOMPARE(calls[0].data["arguments"]["order_id"].get<std::string>(), std::string("ORD-482913"));
        QCOMPARE(results.size(), size_t(1));
        QCOMPARE(results[0].data["result"]["found"].get<bool>(), true);
        const QString reply = log.replySince(mark);
        QVERIFY2(reply.contains(QStringLiteral("O R D 4 8 2 9 1 3")), qPrintable(reply));
        QVERIFY2(reply.contains(QStringLiteral("Blue Dart")), qPrintable(reply));
    }

    void emptyTurnRepromptsWithTheLastQuestion()
    {
        EventLog log;
        auto s = tracker(&log);
        s->start();
        const size_t mark = log.mark();
        QVERIFY(sayAndWait(*s, QStringLiteral(" \t ")));
        const QString reply = log.replySince(mark);
        QVERIFY2(reply.startsWith(QStringLiteral("Sorry, I didn't hear anything.")), qPrintable(reply));
        QVERIFY2(reply.contains(QStringLiteral("What's your order number")), qPrintable(reply));
        QCOMPARE(log.since(mark, QStringLiteral("tool_call")).size(), size_t(0));
        QVERIFY(!s->isEnded());
    }

    void hostileInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("truncated");
        QTest::addRow("100 KB of letters") << QString(100 * 1024, QLatin1Char('a')) << true;
        QString noise;
        for (int i = 0; i < 100 * 1024; ++i)
            noise += QChar(char16_t((i * 7919) % 0x3000)); // controls, surrogates, CJK, …
        QTest::addRow("100 KB of mixed code points") << noise << true;
        QTest::addRow("control characters") << QStringLiteral("\x01\x02 where\x7f is\x1b[31m my order\x00?") << false;
        QTest::addRow("zero-width and bidi") << QStringLiteral("where\u200b is\u202e my\u2066 order") << false;
        QTest::addRow("emoji only") << QStringLiteral("😀😀😀") << false;
        QTest::addRow("unknown order id") << QStringLiteral("my order is ORD-999999") << false;
        QTest::addRow("lone surrogates") << (QString(QChar(0xD800)) + QStringLiteral("hello") + QChar(0xDC00)) << false;
    }

    void hostileInput()
    {
        QFETCH(QString, text);
        QFETCH(bool, truncated);
        EventLog log;
        auto s = tracker(&log);
        s->start();
        const size_t mark = log.mark();
        QVERIFY(sayAndWait(*s, text, 5000));
        const auto user = log.since(mark, QStringLiteral("user"));
        QCOMPARE(user.size(), size_t(1));
        QVERIFY(user[0].text().size() <= kMaxTurnChars);
        for (const QChar c : user[0].text())
            QVERIFY(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format);
        const QString reply = log.replySince(mark);
        QVERIFY2(!reply.trimmed().isEmpty(), "every turn gets an answer");
        QVERIFY(!reply.contains(QLatin1String("{{")));
        QVERIFY(!s->isEnded());
        bool notice = false;
        for (const SessionEvent &ev : log.since(mark, QStringLiteral("notice")))
            notice = notice || stringAt(ev.data, "message").contains(QLatin1String("characters long"));
        QCOMPARE(notice, truncated);
    }

    void unknownOrderGetsNotFoundReply()
    {
        EventLog log;
        auto s = tracker(&log);
        s->start();
        const size_t mark = log.mark();
        QVERIFY(sayAndWait(*s, QStringLiteral("ORD-999999")));
        const QString reply = log.replySince(mark);
        QVERIFY2(reply.contains(QStringLiteral("couldn't find")), qPrintable(reply));
        QVERIFY(!s->isEnded());
    }

    void missingGreetingVariableIsLeftOutAndNoticed()
    {
        SessionRequest r = f.request(QStringLiteral("order-tracker"));
        r.agent.greetingMessage = QStringLiteral("Hi {{customerName}}! Thanks for calling {{storeName}}.");
        auto s = f.session(r);
        QVERIFY(s);
        EventLog log;
        log.attach(*s);
        s->start();
        QCOMPARE(log.since(0, QStringLiteral("agent")).front().text(), QStringLiteral("Hi! Thanks for calling Kiran Stores."));
        const auto notices = log.since(0, QStringLiteral("notice"));
        QCOMPARE(notices.size(), size_t(1));
        QVERIFY(stringAt(notices[0].data, "message").contains(QStringLiteral("customerName")));
    }

    void whispersAreFollowedOrNoticed()
    {
        EventLog log;
        auto s = tracker(&log);
        s->start();
        s->whisper(QStringLiteral("say Our couriers are running late today."));
        s->whisper(QStringLiteral("be extra polite"));
        QCOMPARE(log.count(QStringLiteral("whisper")), 2);
        const size_t mark = log.mark();
        QVERIFY(sayAndWait(*s, QStringLiteral("where is my order")));
        const QString reply = log.replySince(mark);
        QVERIFY2(reply.startsWith(QStringLiteral("Our couriers are running late today.")), qPrintable(reply));
        bool noticed = false;
        for (const SessionEvent &ev : log.since(mark, QStringLiteral("notice")))
            noticed = noticed || stringAt(ev.data, "message").contains(QStringLiteral("be extra polite"));
        QVERIFY(noticed);
        // A whisper is never spoken as itself.
        QVERIFY(!reply.contains(QStringLiteral("say Our")));
    }

    void takeOverSilencesTheBrainUntilHandBack()
    {
        EventLog log;
        auto s = tracker(&log);
        s->start();
        s->takeOver();
        QCOMPARE(s->state(), Session::State::TakenOver);
        size_t mark = log.mark();
        s->userSaid(QStringLiteral("ORD 482913"));
        QCOMPARE(log.since(mark, QStringLiteral("user")).size(), size_t(1));
        QCOMPARE(log.since(mark, QStringLiteral("agent")).size(), size_t(0));
        QCOMPARE(log.since(mark, QStringLiteral("tool_call")).size(), size_t(0));
        s->operatorSay(QStringLiteral("Hi, this is Asha from Kiran Stores."));
        const auto said = log.since(mark, QStringLiteral("agent"));
        QCOMPARE(said.size(), size_t(1));
        QCOMPARE(stringAt(said[0].data, "by"), QStringLiteral("operator"));
        s->handBack();
        mark = log.mark();
        QVERIFY(sayAndWait(*s, QStringLiteral("ORD 482913")));
        QCOMPARE(log.since(mark, QStringLiteral("tool_call")).size(), size_t(1));
        s->end(QStringLiteral("hangup"));
        const auto record = f.records->byId(f.recordId(*s));
        QVERIFY(record);
        QCOMPARE(record->handledBy, QStringLiteral("ai_then_human"));
    }

    void operatorWordsNeedATakeOver()
    {
        EventLog log;
        auto s = tracker(&log);
        s->start();
        const size_t mark = log.mark();
        s->operatorSay(QStringLiteral("hello"));
        QCOMPARE(log.since(mark, QStringLiteral("agent")).size(), size_t(0));
        QCOMPARE(log.since(mark, QStringLiteral("notice")).size(), size_t(1));
    }

    void endWritesTheCallRecord()
    {
        EventLog log;
        auto s = tracker(&log);
        s->start();
        QVERIFY(sayAndWait(*s, QStringLiteral("Where's my order?")));
        QVERIFY(sayAndWait(*s, QStringLiteral("482913")));
        s->end(QStringLiteral("hangup"));
        QVERIFY(s->isEnded());
        QCOMPARE(log.events.back().type, QStringLiteral("end"));
        QCOMPARE(stringAt(log.events.back().data, "outcome"), QStringLiteral("resolved"));
        const auto record = f.records->byId(f.recordId(*s));
        QVERIFY(record);
        QCOMPARE(record->agent, QStringLiteral("Order Tracker"));
        QCOMPARE(record->useCase, QStringLiteral("wismo"));
        QCOMPARE(record->direction, QStringLiteral("inbound"));
        QCOMPARE(record->channel, QStringLiteral("chat"));
        QCOMPARE(record->outcome, QStringLiteral("resolved"));
        QCOMPARE(record->orderId, QStringLiteral("ORD-482913")); // identified during the call
        QCOMPARE(record->customerId, QStringLiteral("C-0001"));
        QCOMPARE(record->turnLatenciesMs.size(), size_t(2));
        QCOMPARE(record->toolCalls.size(), size_t(1));
        QCOMPARE(record->toolCalls[0]["name"].get<std::string>(), std::string("get_order_status"));
        // The transcript is the events without latency: greeting, 2 × (user, agent), tool pair, end.
        QCOMPARE(record->transcript.size(), size_t(8));
        QCOMPARE(record->handledBy, QStringLiteral("ai"));
        QVERIFY(record->endedAt >= record->startedAt);
        // Nothing happens after the end.
        const size_t mark = log.mark();
        s->userSaid(QStringLiteral("hello?"));
        s->end(QStringLiteral("hangup"));
        QCOMPARE(log.mark(), mark);
    }

    void aCallerWhoHangsUpBeforeAnyResultIsNotAFailedCall()
    {
        // An inbound caller who leaves during the greeting ended the call; nothing of ours failed.
        {
            EventLog log;
            auto s = tracker(&log);
            s->start();
            s->end(QStringLiteral("hangup"));
            QCOMPARE(stringAt(log.events.back().data, "outcome"), QStringLiteral("not_interested"));
            const auto record = f.records->byId(f.recordId(*s));
            QVERIFY(record);
            QCOMPARE(record->direction, QStringLiteral("inbound"));
            QCOMPARE(record->outcome, QStringLiteral("not_interested"));
            QVERIFY(record->answeredAt.isValid()); // answered: it counts as a connected call
        }
        // A result reached before the hang-up stays the call's outcome.
        {
            EventLog log;
            auto s = tracker(&log);
            s->start();
            QVERIFY(sayAndWait(*s, QStringLiteral("Where's my order?")));
            QVERIFY(sayAndWait(*s, QStringLiteral("482913")));
            s->end(QStringLiteral("hangup"));
            QCOMPARE(stringAt(log.events.back().data, "outcome"), QStringLiteral("resolved"));
        }
        // Ended by our side before any result (the engine shutting down): that is a failed call.
        {
            EventLog log;
            auto s = tracker(&log);
            s->start();
            s->end(QStringLiteral("shutdown"));
            QCOMPARE(stringAt(log.events.back().data, "outcome"), QStringLiteral("failed"));
        }
    }

    void destroyedWithoutEndStillWritesARecord()
    {
        analytics::CallFilter voice;
        voice.channel = QStringLiteral("voice");
        QCOMPARE(f.records->count(voice), 0);
        {
            SessionRequest r = f.request(QStringLiteral("order-tracker"));
            r.channel = QStringLiteral("voice");
            auto s = f.session(r);
            QVERIFY(s);
            s->start();
            QVERIFY(sayAndWait(*s, QStringLiteral("where is my order")));
        }
        QCOMPARE(f.records->count(voice), 1);
        const auto list = f.records->list(voice, 1);
        QCOMPARE(list.size(), size_t(1));
        QCOMPARE(list.front().outcome, QStringLiteral("failed")); // nothing was resolved yet
        QCOMPARE(list.front().transcript.back()["type"].get<std::string>(), std::string("end"));
    }

    void escalationEndsTheCallWhenNobodyCanTakeIt()
    {
        EventLog log;
        auto s = tracker(&log);
        s->start();
        QVERIFY(sayAndWait(*s, QStringLiteral("ORD-482920")));
        QVERIFY(sayAndWait(*s, QStringLiteral("It shows delivered but I didn't get it")));
        const auto escalations = log.since(0, QStringLiteral("escalation"));
        QCOMPARE(escalations.size(), size_t(1));
        QCOMPARE(stringAt(escalations[0].data, "reason"), QStringLiteral("delivered_not_received"));
        QVERIFY(stringAt(escalations[0].data, "summary").contains(QStringLiteral("ORD-482920")));
        QVERIFY(s->isEnded());
        QCOMPARE(s->outcome(), QStringLiteral("escalated"));
        const auto record = f.records->byId(f.recordId(*s));
        QVERIFY(record);
        QCOMPARE(record->escalationReason, QStringLiteral("delivered_not_received"));
        QCOMPARE(record->handledBy, QStringLiteral("ai_then_human"));
    }

    void escalatedCallWaitsForAnOperatorWhenOneCanTakeIt()
    {
        EventLog log;
        auto s = tracker(&log, false);
        s->start();
        QVERIFY(sayAndWait(*s, QStringLiteral("I want to talk to a human")));
        QCOMPARE(log.count(QStringLiteral("escalation")), 1);
        QVERIFY(!s->isEnded());
        const size_t mark = log.mark();
        QVERIFY(sayAndWait(*s, QStringLiteral("hello? anyone there?")));
        QVERIFY(log.replySince(mark).contains(QStringLiteral("stay on the line")));
        const auto live = f.records->byId(f.recordId(*s)); // written as the call started, kept while it runs
        QVERIFY(live);
        QCOMPARE(live->outcome, QStringLiteral("in_progress"));
        QVERIFY(!live->endedAt.isValid());
        s->takeOver();
        s->operatorSay(QStringLiteral("Hi, I'm here."));
        s->end(QStringLiteral("operator"));
        const auto record = f.records->byId(f.recordId(*s));
        QVERIFY(record);
        QCOMPARE(record->outcome, QStringLiteral("escalated"));
        QCOMPARE(record->escalationReason, QStringLiteral("customer_request"));
    }

    void turnsWaitWhileABrainIsStillAnswering()
    {
        SessionRequest r = f.request(QStringLiteral("order-tracker"));
        auto brain = std::make_unique<LaterBrain>();
        SessionConfig config;
        config.agent = r.agent;
        config.clock = r.clock;
        Session s(config, SessionServices{ *f.tools, *f.store, nullptr }, std::move(brain));
        EventLog log;
        log.attach(s);
        s.start();
        const size_t mark = log.mark();
        s.userSaid(QStringLiteral("one"));
        s.userSaid(QStringLiteral("two"));
        QVERIFY(s.turnInProgress());
        QTRY_COMPARE(log.since(mark, QStringLiteral("agent")).size(), size_t(2));
        QTRY_VERIFY(!s.turnInProgress());
        QStringList replies;
        for (const SessionEvent &ev : log.since(mark, QStringLiteral("agent")))
            replies << ev.text();
        QCOMPARE(replies, (QStringList{ QStringLiteral("heard: one"), QStringLiteral("heard: two") }));
        QCOMPARE(log.since(mark, QStringLiteral("latency")).size(), size_t(2));
    }

    // A caller (or a stream) that talks far faster than the brain answers costs bounded memory:
    // only a few turns wait, the rest are dropped with a notice, and the transcript stops growing.
    void aFloodOfTurnsIsBounded()
    {
        SessionRequest r = f.request(QStringLiteral("order-tracker"));
        SessionConfig config;
        config.agent = r.agent;
        config.clock = r.clock;
        analytics::CallRecorder recorder(*f.records); // keeps the transcript; outlives the session
        Session s(config, SessionServices{ *f.tools, *f.store, &recorder }, std::make_unique<LaterBrain>());
        EventLog log;
        log.attach(s);
        s.start();
        const size_t mark = log.mark();
        for (int i = 0; i < 3000; ++i)
            s.userSaid(QStringLiteral("turn %1").arg(i));
        QTRY_VERIFY(!s.turnInProgress());
        const size_t replies = log.since(mark, QStringLiteral("agent")).size();
        QVERIFY2(replies <= 10, qPrintable(QStringLiteral("%1 turns were answered").arg(replies)));
        bool noticed = false;
        for (const SessionEvent &ev : log.since(mark, QStringLiteral("notice")))
            noticed |= stringAt(ev.data, "message").contains(QStringLiteral("dropped"));
        QVERIFY(noticed);
        const std::size_t kept = recorder.record().transcript.size();
        QVERIFY2(kept <= analytics::CallRecorder::kMaxTranscriptEvents + 1, qPrintable(QStringLiteral("%1 transcript events").arg(kept)));
    }

    void takeOverCancelsATurnInProgress()
    {
        SessionRequest r = f.request(QStringLiteral("order-tracker"));
        auto brain = std::make_unique<LaterBrain>();
        LaterBrain *raw = brain.get();
        SessionConfig config;
        config.agent = r.agent;
        config.clock = r.clock;
        Session s(config, SessionServices{ *f.tools, *f.store, nullptr }, std::move(brain));
        EventLog log;
        log.attach(s);
        s.start();
        const size_t mark = log.mark();
        s.userSaid(QStringLiteral("one"));
        s.takeOver();
        QCOMPARE(raw->cancels, 1);
        QVERIFY(!s.turnInProgress());
        QTest::qWait(20);
        QCOMPARE(log.since(mark, QStringLiteral("agent")).size(), size_t(0));
    }

    void inputHygiene_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("clean");
        QTest::addRow("trim and collapse") << QStringLiteral("  where   is\n\tit  ") << QStringLiteral("where is it");
        QTest::addRow("controls become spaces") << QStringLiteral("a\x01" "b\x7f" "c") << QStringLiteral("a b c");
        QTest::addRow("zero width") << QStringLiteral("a\u200bb") << QStringLiteral("a b");
        QTest::addRow("hindi kept") << QStringLiteral("मेरा ऑर्डर कहाँ है") << QStringLiteral("मेरा ऑर्डर कहाँ है");
        QTest::addRow("emoji kept") << QStringLiteral("ok 👍") << QStringLiteral("ok 👍");
    }

    void inputHygiene()
    {
        QFETCH(QString, raw);
        QFETCH(QString, clean);
        QCOMPARE(cleanUserText(raw).text, clean);
    }

    void inputCapCutsAtAWord()
    {
        QString raw;
        while (raw.size() < 5000)
            raw += QStringLiteral("word ");
        const CleanText c = cleanUserText(raw, 2000);
        QVERIFY(c.truncated);
        QVERIFY(c.text.size() <= 2000);
        QVERIFY(c.text.endsWith(QStringLiteral("word")));
        QCOMPARE(c.originalLength, raw.size());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
