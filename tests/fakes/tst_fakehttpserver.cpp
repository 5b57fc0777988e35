// The fake HTTP server is what every remote-service test stands on, so its own behaviour is
// checked here: recording, scripting order, framing, timing and closes, seen from a real client
// (QNetworkAccessManager) and from a raw socket where the exact bytes matter.
#include "fakehttpserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>

using namespace ringside::fakes;

namespace {

struct Fetched
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray contentType;
};

Fetched post(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &body,
             const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = nam.post(request, body);
    Fetched out;
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] { out.body += reply->readAll(); });
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
        reply->abort();
    out.body += reply->readAll();
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.error = reply->error();
    out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    reply->deleteLater();
    return out;
}

// Writes `request` on a raw socket and collects what comes back.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool connected() { return socket.waitForConnected(5000); }
    void send(const QByteArray &bytes) { socket.write(bytes); socket.flush(); }
    bool waitFor(const QByteArray &needle, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return received.contains(needle); }, timeoutMs);
    }
    bool waitForClose(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }
    QTcpSocket socket;
    QByteArray received;
};

} // namespace

class TestFakeHttpServer : public QObject
{
    Q_OBJECT
private slots:
    void recordsTheRequestAndRepliesWithJson()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::json(201, {{"ok", true}}).withHeader("X-Fake", "yes"));
        QNetworkAccessManager nam;
        const Fetched f = post(nam, server.url(QStringLiteral("/v1/chat%20x?alt=sse&k=2")), R"({"model":"m"})",
                               {{"Authorization", "Bearer secret"}});
        QCOMPARE(f.status, 201);
        QVERIFY(nlohmann::json::parse(f.body.toStdString())["ok"] == true);
        QCOMPARE(server.requests().size(), 1);
        const RecordedRequest &r = server.requests().at(0);
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, QByteArray("/v1/chat%20x?alt=sse&k=2"));
        QCOMPARE(r.path(), QStringLiteral("/v1/chat x"));
        QCOMPARE(r.query().queryItemValue(QStringLiteral("alt")), QStringLiteral("sse"));
        QCOMPARE(r.header("authorization"), QByteArray("Bearer secret"));
        QVERIFY(!r.hasHeader("X-Absent"));
        QVERIFY(r.json()["model"] == "m");
        QCOMPARE(server.unscriptedRequests(), 0);
    }

    void answersInOrderThenSaysUnscripted()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::text(200, "first"));
        server.enqueue(ScriptedResponse::text(503, "second"));
        QNetworkAccessManager nam;
        QCOMPARE(post(nam, server.url(QStringLiteral("/a")), "1").body, QByteArray("first"));
        const Fetched second = post(nam, server.url(QStringLiteral("/b")), "2");
        QCOMPARE(second.status, 503);
        QCOMPARE(second.body, QByteArray("second"));
        const Fetched third = post(nam, server.url(QStringLiteral("/c")), "3");
        QCOMPARE(third.status, 500);
        QVERIFY2(third.body.contains("no scripted response for POST /c"), third.body.constData());
        QCOMPARE(server.unscriptedRequests(), 1);
        QCOMPARE(server.requests().size(), 3);
    }

    void responderAnswersWhenTheQueueIsEmpty()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::text(200, "queued"));
        server.setResponder([](const RecordedRequest &r) {
            return ScriptedResponse::text(200, "echo " + r.body);
        });
        QNetworkAccessManager nam;
        QCOMPARE(post(nam, server.url(QStringLiteral("/")), "a").body, QByteArray("queued"));
        QCOMPARE(post(nam, server.url(QStringLiteral("/")), "b").body, QByteArray("echo b"));
    }

    void chunkedBodyArrivesPieceByPiece()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sse({"one", "two"}).withChunk("", 0));
        ScriptedResponse slow = ScriptedResponse::sse({"alpha"});
        slow.withChunk("data: omega\n\n", 1500);
        server.enqueue(slow);

        RawClient first(server.port());
        QVERIFY(first.connected());
        first.send("GET /s HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(first.waitForClose());
        // Chunk sizes in hex, each event its own chunk, then the terminator; the empty chunk is skipped.
        QVERIFY2(first.received.contains("Transfer-Encoding: chunked\r\n"), first.received.constData());
        QVERIFY(first.received.contains("Content-Type: text/event-stream\r\n"));
        QVERIFY(first.received.endsWith("b\r\ndata: one\n\n\r\nb\r\ndata: two\n\n\r\n0\r\n\r\n"));

        RawClient second(server.port());
        QVERIFY(second.connected());
        second.send("GET /s HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(second.waitFor("data: alpha"));
        QVERIFY2(!second.received.contains("omega"), "the delayed chunk came early");
        QVERIFY(second.waitFor("data: omega"));
        QVERIFY(second.waitFor("0\r\n\r\n"));
    }

    void firstByteCanBeDelayed()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::text(200, "late").withFirstByteDelay(1500));
        RawClient client(server.port());
        QVERIFY(client.connected());
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(server.waitForRequests(1));
        QTest::qWait(200);
        QVERIFY2(client.received.isEmpty(), client.received.constData());
        QVERIFY(client.waitFor("\r\n\r\nlate"));
        QVERIFY(client.received.startsWith("HTTP/1.1 200 OK\r\n"));
    }

    void closingEarlyTruncatesALengthDelimitedBody()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::text(200, "first half ").withChunk("second half").closingAfter(1));
        QNetworkAccessManager nam;
        const Fetched f = post(nam, server.url(QStringLiteral("/")), "x");
        QCOMPARE(f.error, QNetworkReply::RemoteHostClosedError);
        QVERIFY(!f.body.contains("second half"));
    }

    void closeDelimitedBodyEndsCleanly()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::text(200, "all of it")
                           .withChunk(" and more", 50)
                           .withFraming(ScriptedResponse::Framing::CloseDelimited));
        QNetworkAccessManager nam;
        const Fetched f = post(nam, server.url(QStringLiteral("/")), "x");
        QCOMPARE(f.error, QNetworkReply::NoError);
        QCOMPARE(f.body, QByteArray("all of it and more"));
    }

    void rawBytesAreSentVerbatim()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::rawBytes("NOT HTTP AT ALL\r\n\r\n"));
        RawClient client(server.port());
        QVERIFY(client.connected());
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.waitForClose());
        QCOMPARE(client.received, QByteArray("NOT HTTP AT ALL\r\n\r\n"));
    }

    void keepAliveServesSeveralRequestsOnOneConnection()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        ScriptedResponse a = ScriptedResponse::text(200, "A");
        a.keepAlive = true;
        server.enqueue(a);
        server.enqueue(ScriptedResponse::text(200, "B"));
        RawClient client(server.port());
        QVERIFY(client.connected());
        // Pipelined: the second request is already buffered while the first is answered.
        client.send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.waitForClose());
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(server.requests().at(0).connectionId, server.requests().at(1).connectionId);
        QCOMPARE(server.connectionsAccepted(), 1);
        QVERIFY(client.received.indexOf("\r\n\r\nA") < client.received.indexOf("\r\n\r\nB"));
    }

    void chunkedRequestBodyIsDecoded()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::text(200, "ok"));
        RawClient client(server.port());
        QVERIFY(client.connected());
        client.send("POST /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
        QTest::qWait(50);
        QCOMPARE(server.requests().size(), 0); // incomplete until the last chunk
        client.send("6;ext=1\r\n world\r\n0\r\n\r\n");
        QVERIFY(server.waitForRequests(1));
        QCOMPARE(server.requests().at(0).body, QByteArray("hello world"));
    }

    void malformedRequestGets400()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.connected());
        client.send("this is not a request line\r\n\r\n");
        QVERIFY(client.waitForClose());
        QVERIFY(client.received.startsWith("HTTP/1.1 400 "));
        QCOMPARE(server.requests().size(), 0);
    }

    void notesAClientThatHangsUpMidResponse()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::silence());
        RawClient client(server.port());
        QVERIFY(client.connected());
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(server.waitForRequests(1));
        QCOMPARE(server.clientClosesMidResponse(), 0);
        client.socket.abort();
        QVERIFY(server.waitForClientCloses(1));
        QCOMPARE(server.clientClosesMidResponse(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFakeHttpServer)
#include "tst_fakehttpserver.moc"
