// The SSE parser must give the same events however the network splits the bytes.
#include "engine/llm/sseparser.h"

#include <QTest>

using namespace ringside;

namespace {
QList<QByteArray> datas(const QList<SseEvent> &events)
{
    QList<QByteArray> out;
    for (const SseEvent &e : events)
        out << e.data;
    return out;
}

// Feeds `stream` in pieces of `step` bytes, then finishes.
QList<SseEvent> feedInSteps(const QByteArray &stream, int step, SseParser *parser)
{
    QList<SseEvent> events;
    for (qsizetype i = 0; i < stream.size(); i += step)
        events += parser->feed(stream.mid(i, step));
    events += parser->finish();
    return events;
}
} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT
private slots:
    void sameEventsWhateverTheSplit_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addRow("lf") << QByteArray("data: {\"a\":1}\n\ndata: {\"b\":\"é\"}\n\ndata: [DONE]\n\n");
        QTest::addRow("crlf") << QByteArray("data: {\"a\":1}\r\n\r\ndata: {\"b\":\"é\"}\r\n\r\ndata: [DONE]\r\n\r\n");
        QTest::addRow("cr") << QByteArray("data: {\"a\":1}\r\rdata: {\"b\":\"é\"}\r\rdata: [DONE]\r\r");
        QTest::addRow("comments and no space") << QByteArray(": keep-alive\n\ndata:{\"a\":1}\n\n: ping\ndata:{\"b\":\"é\"}\n\ndata:[DONE]\n\n");
    }
    void sameEventsWhateverTheSplit()
    {
        QFETCH(QByteArray, stream);
        const QList<QByteArray> expected = {"{\"a\":1}", QByteArray("{\"b\":\"é\"}"), "[DONE]"};
        for (int step = 1; step <= stream.size(); ++step) {
            SseParser parser;
            const QList<SseEvent> events = feedInSteps(stream, step, &parser);
            QVERIFY2(!parser.hasError(), qPrintable(QStringLiteral("step %1").arg(step)));
            QCOMPARE(datas(events), expected);
        }
    }

    void multiLineDataJoinsWithNewline()
    {
        SseParser parser;
        const QList<SseEvent> events = parser.feed("event: update\nid: 42\ndata: line one\ndata: line two\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].data, QByteArray("line one\nline two"));
        QCOMPARE(events[0].event, QByteArray("update"));
        QCOMPARE(events[0].id, QByteArray("42"));
    }

    void eventWithoutDataIsNotDispatched()
    {
        SseParser parser;
        QVERIFY(parser.feed("event: ping\n\nretry: 100\n\n").isEmpty());
        QVERIFY(!parser.hasError());
    }

    void lastEventWithoutBlankLineComesOutOnFinish()
    {
        SseParser parser;
        QVERIFY(parser.feed("data: {\"last\":true}").isEmpty());
        const QList<SseEvent> events = parser.finish();
        QCOMPARE(datas(events), QList<QByteArray>{"{\"last\":true}"});
    }

    void unknownFieldIsReportedWithItsText()
    {
        SseParser parser;
        const QList<SseEvent> events = parser.feed("data: {\"ok\":1}\n\n{\"error\": \"not sse\"}\ndata: never\n\n");
        QCOMPARE(datas(events), QList<QByteArray>{"{\"ok\":1}"}); // what came before is kept
        QVERIFY(parser.hasError());
        QCOMPARE(parser.badLine(), QByteArray("{\"error\": \"not sse\"}"));
        QVERIFY(parser.feed("data: more\n\n").isEmpty()); // stays stopped
    }

    // A server that never ends a line, or an event that never ends, costs bounded memory: the
    // stream is reported as malformed instead of being buffered without end.
    void endlessLinesAndEventsAreBounded()
    {
        SseParser line;
        const QByteArray chunk(64 * 1024, 'x');
        for (int i = 0; i < 256 && !line.hasError(); ++i)
            line.feed("data: " + chunk);
        QVERIFY2(line.hasError(), "16 MB without a line break were buffered");

        SseParser event;
        const QByteArray dataLine = "data: " + QByteArray(1000, 'y') + "\n";
        for (int i = 0; i < 16 * 1024 && !event.hasError(); ++i)
            event.feed(dataLine);
        QVERIFY2(event.hasError(), "16 MB of data lines without a blank line were buffered");
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
