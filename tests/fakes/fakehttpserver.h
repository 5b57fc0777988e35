#pragma once
// A small HTTP/1.1 server on 127.0.0.1 that stands in for a remote service in tests.
// It records every request and answers each with the next scripted response (or a responder
// function), with full control over status, headers, framing, timing and abrupt closes.
//
//   FakeHttpServer server;
//   QVERIFY(server.listen());
//   server.enqueue(ScriptedResponse::sse({"{\"a\":1}", "[DONE]"}, 20));
//   … point the client at server.url("/v1") …
//   QCOMPARE(server.requests().at(0).json()["model"], "m");

#include "scriptedhttp.h"

#include <QElapsedTimer>
#include <QObject>
#include <QQueue>
#include <QTcpServer>
#include <QUrl>

#include <functional>

namespace ringside::fakes {

class FakeHttpServer : public QObject
{
    Q_OBJECT
public:
    using Responder = std::function<ScriptedResponse(const RecordedRequest &)>;

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool listen(); // on 127.0.0.1, a free port
    quint16 port() const;
    // "http://127.0.0.1:<port>" + pathAndQuery
    QUrl url(const QString &pathAndQuery = {}) const;

    // Answers are used first-in first-out; when none is queued the responder answers; with
    // neither, the request gets a 500 whose body says it was not scripted.
    void enqueue(const ScriptedResponse &response);
    void setResponder(Responder responder);
    int queuedResponses() const { return int(m_queue.size()); }

    const QList<RecordedRequest> &requests() const { return m_requests; }
    int unscriptedRequests() const { return m_unscripted; }
    int connectionsAccepted() const { return m_connectionsAccepted; }
    // Connections the client closed or reset while the fake was still writing an answer
    // (how a cancelled streaming request looks from the server).
    int clientClosesMidResponse() const { return m_clientClosesMidResponse; }
    int clientCloses() const { return m_clientCloses; }

    bool waitForRequests(int count, int timeoutMs = 5000);
    bool waitForClientCloses(int count, int timeoutMs = 5000);

    // Called by a connection for each complete request: records it and picks the answer.
    ScriptedResponse take(RecordedRequest request);
    void noteClientClose(bool midResponse);
    qint64 elapsedMs() const { return m_clock.elapsed(); }

signals:
    void requestReceived(int index);
    void clientClosed(bool midResponse);

private:
    void onNewConnection();

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QQueue<ScriptedResponse> m_queue;
    Responder m_responder;
    QList<RecordedRequest> m_requests;
    int m_unscripted = 0;
    int m_connectionsAccepted = 0;
    int m_clientCloses = 0;
    int m_clientClosesMidResponse = 0;
};

} // namespace ringside::fakes
