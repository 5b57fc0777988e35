// The spoken-call scripts of `loadgen --script` and the turn-latency benchmark: parsing (clear
// errors naming the line), how IDs are read aloud, turn kinds from recording names, synthesis in
// several voices, and the per-kind latency report.
#include "speech/espeaktts.h"
#include "telephony/loadgenerator.h"
#include "telephony/loadscript.h"

#include <QTest>

using namespace ringside;
using namespace ringside::telephony;

class TestLoadScript : public QObject
{
    Q_OBJECT

private slots:
    void parsesKindsWordsAndIds()
    {
        const auto lines = parseCallScript(QStringLiteral("# a WISMO call\n\nfirst | Hi, where is my order?\n"
                                                          "id_sentence | It's ORD-482913, where is it? | ORD-482913\n"));
        QVERIFY2(lines.ok(), qPrintable(lines.error()));
        QCOMPARE(lines->size(), std::size_t(2));
        QCOMPARE(lines->at(0).kind, QStringLiteral("first"));
        QCOMPARE(lines->at(0).text, QStringLiteral("Hi, where is my order?"));
        QVERIFY(lines->at(0).expectId.isEmpty());
        QCOMPARE(lines->at(1).kind, QStringLiteral("id_sentence"));
        QCOMPARE(lines->at(1).expectId, QStringLiteral("ORD-482913"));
    }

    void badLinesAreNamed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::addRow("no separator") << QStringLiteral("first Hi there") << QStringLiteral("line 1: expected 'kind | words");
        QTest::addRow("too many fields") << QStringLiteral("\nid | a | b | c") << QStringLiteral("line 2: expected");
        QTest::addRow("bad kind") << QStringLiteral("First Turn | hi") << QStringLiteral("line 1: kind \"First Turn\"");
        QTest::addRow("no words") << QStringLiteral("plain |  ") << QStringLiteral("line 1: no words to say");
        QTest::addRow("empty") << QStringLiteral("# only a comment\n") << QStringLiteral("no turns");
    }
    void badLinesAreNamed()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const auto lines = parseCallScript(text);
        QVERIFY(!lines.ok());
        QVERIFY2(lines.error().startsWith(error), qPrintable(lines.error()));
    }

    void identifiersAreReadCharacterByCharacter()
    {
        QCOMPARE(readIdentifiersAloud(QStringLiteral("It's ORD-482913, where is it?")), QStringLiteral("It's O R D 4 8 2 9 1 3, where is it?"));
        QCOMPARE(readIdentifiersAloud(QStringLiteral("my number is 98765 01234")), QStringLiteral("my number is 9 8 7 6 5 0 1 2 3 4"));
        QCOMPARE(readIdentifiersAloud(QStringLiteral("I want a refund")), QStringLiteral("I want a refund"));
    }

    void kindsFromFileNames()
    {
        QCOMPARE(turnKindFromFileName(QStringLiteral("02-id-order.wav")), QStringLiteral("id"));
        QCOMPARE(turnKindFromFileName(QStringLiteral("10_first.wav")), QStringLiteral("first"));
        QCOMPARE(turnKindFromFileName(QStringLiteral("where.wav")), QString());
        QCOMPARE(turnKindFromFileName(QStringLiteral("01.wav")), QString());
    }

    void synthesizedOncePerVoice()
    {
        EspeakTts tts;
        QVERIFY2(tts.isAvailable(), qPrintable(tts.initError()));
        const auto lines = parseCallScript(QStringLiteral("first | Where is my order?\nid | ORD-482913 | ORD-482913"));
        QVERIFY(lines.ok());
        const std::vector<ScriptVoice> voices = { { QStringLiteral("en-us"), 1.0 }, { QStringLiteral("en-us+f2"), 1.2 } };
        const auto scripts = synthesizeCallScripts(tts, lines.value(), voices, 8000);
        QVERIFY2(scripts.ok(), qPrintable(scripts.error()));
        QCOMPARE(scripts->size(), std::size_t(2));
        for (const CallScript &s : scripts.value()) {
            QCOMPARE(s.size(), std::size_t(2));
            QCOMPARE(s[1].expectId, QStringLiteral("ORD-482913"));
            // Spelled out, the ID takes seconds, not the half second "ORD" would.
            QVERIFY2(s[1].pcm.size() > 8000, qPrintable(QString::number(s[1].pcm.size())));
        }
        // The faster voice says the same words in less time.
        QVERIFY(scripts->at(1)[1].pcm.size() < scripts->at(0)[1].pcm.size());
    }

    void reportGroupsLatencyByKind()
    {
        LoadReport r;
        r.turnLatenciesMs = { 300, 320, 900, 340 };
        r.latenciesByKind[QStringLiteral("plain")] = { 300, 320, 340 };
        r.latenciesByKind[QStringLiteral("id")] = { 900 };
        r.idsExpected = 2;
        r.idsLookedUp = 1;
        QCOMPARE(LoadReport::percentile(r.latenciesByKind[QStringLiteral("plain")], 50), 320);
        QCOMPARE(LoadReport::percentile(r.latenciesByKind[QStringLiteral("plain")], 95), 340);
        const QString text = r.toText();
        QVERIFY2(text.contains(QLatin1String("plain          p50 320 ms, p95 340 ms")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("IDs looked up     1 of 2 read out")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("late by")), qPrintable(text)); // the gateway did not say

        // The gateway's late frames, by how late.
        r.gatewayLateFrames = 7;
        r.gatewayFramesSent = 1000;
        r.gatewayLateByMs = { { 20, 4 }, { 40, 2 }, { 80, 1 }, { 160, 0 }, { 320, 0 } };
        r.gatewayLateQueuedLate = 3;
        const QString late = r.toText();
        QVERIFY2(late.contains(QLatin1String("frames sent late  7 of 1000")), qPrintable(late));
        QVERIFY2(late.contains(QString::fromUtf8("late by         20–40 ms: 4, 40–80 ms: 2, 80–160 ms: 1, 160–320 ms: 0, > 320 ms: 0")),
                 qPrintable(late));
        QVERIFY2(late.contains(QLatin1String("queued late     3 (")), qPrintable(late));
        const json j = r.toJson();
        QCOMPARE(j["gateway_late_frames_by_ms"]["40"].get<int>(), 2);
        QCOMPARE(j["gateway_late_frames_queued_late"].get<int>(), 3);
        QCOMPARE(j["turn_latency_by_kind_ms"]["id"]["p50"].get<int>(), 900);
        QCOMPARE(j["ids_looked_up"].get<int>(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLoadScript)
#include "tst_loadscript.moc"
