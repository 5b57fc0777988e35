#pragma once
// One accepted connection of a FakeHttpServer: parses requests (Content-Length or chunked bodies,
// Expect: 100-continue, keep-alive) and plays a ScriptedResponse with its delays and closes.

#include "scriptedhttp.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

namespace ringside::fakes {

class FakeHttpServer;

class FakeHttpConnection : public QObject
{
    Q_OBJECT
public:
    FakeHttpConnection(int id, QTcpSocket *socket, FakeHttpServer *server);

private:
    enum class Parse { Incomplete, Done, Bad };
    void onReadyRead();
    void onDisconnected();
    void tryParse();
    Parse parseOne(RecordedRequest *request);
    void play(const ScriptedResponse &response);
    void writeHead();
    void writeChunk(int index);
    void endResponse();
    void closeOurselves();
    void write(const QByteArray &bytes);

    int m_id;
    QPointer<QTcpSocket> m_socket;
    FakeHttpServer *m_server;
    QByteArray m_in;
    bool m_busy = false;             // a response is being played
    bool m_closing = false;          // we decided to close; the disconnect is ours
    bool m_clientWantsClose = false; // the request said Connection: close
    bool m_sentContinue = false;
    ScriptedResponse m_response;
};

} // namespace ringside::fakes
