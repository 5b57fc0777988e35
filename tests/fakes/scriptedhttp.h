#pragma once
// What a FakeHttpServer received, and what it should answer. Shared by every fake of a remote
// HTTP service (LLMs, Twilio REST, Shopify, Cartesia, Azure…): tests script the bytes and timing
// of each answer, then assert on the requests exactly as they arrived.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

namespace ringside::fakes {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One HTTP/1.1 request as it came off the socket.
struct RecordedRequest
{
    int connectionId = 0;      // requests on one kept-alive connection share it
    QByteArray method;
    QByteArray target;         // the request-target as sent: "/v1/chat/completions?x=1"
    HeaderList headers;        // in order, names as sent
    QByteArray body;           // de-chunked if the client sent it chunked
    qint64 receivedAtMs = 0;   // since the server started listening

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    bool hasHeader(const QByteArray &name) const;
    QString path() const;                            // decoded, without the query
    QUrlQuery query() const;
    nlohmann::json json() const;                     // the body parsed; a discarded value if not JSON
};

struct ScriptedChunk
{
    QByteArray bytes;
    int delayMs = 0; // waited before this chunk is written
};

// An answer, byte for byte and moment by moment.
struct ScriptedResponse
{
    enum class Framing {
        ContentLength,  // Content-Length of the whole body (a close before the end truncates it)
        Chunked,        // Transfer-Encoding: chunked, one HTTP chunk per ScriptedChunk
        CloseDelimited  // no length: the body ends when the server closes
    };

    int status = 200;
    QByteArray reason;            // empty → the standard phrase
    HeaderList headers;           // Content-Length / Transfer-Encoding / Connection are added unless given
    QList<ScriptedChunk> chunks;  // the body
    Framing framing = Framing::ContentLength;
    int firstByteDelayMs = 0;     // silence before the status line
    int closeAfterChunks = -1;    // close the connection after this many chunks (0: right after the headers)
    bool neverAnswer = false;     // read the request, then say nothing until the client gives up
    QByteArray raw;               // if set: written verbatim instead of a response, then the connection closes
    bool keepAlive = false;       // leave the connection open for the next request

    static ScriptedResponse json(int status, const nlohmann::json &body);
    static ScriptedResponse text(int status, const QByteArray &body,
                                 const QByteArray &contentType = QByteArrayLiteral("text/plain; charset=utf-8"));
    // text/event-stream, chunked; each payload becomes one "data: …\n\n" event in its own chunk.
    static ScriptedResponse sse(const QList<QByteArray> &payloads, int delayMs = 0);
    static ScriptedResponse sseJson(const QList<nlohmann::json> &payloads, int delayMs = 0);
    static ScriptedResponse rawBytes(const QByteArray &bytes);
    static ScriptedResponse silence(); // neverAnswer

    ScriptedResponse &withHeader(const QByteArray &name, const QByteArray &value);
    ScriptedResponse &withChunk(const QByteArray &bytes, int delayMs = 0);
    ScriptedResponse &withFraming(Framing f);
    ScriptedResponse &withFirstByteDelay(int ms);
    ScriptedResponse &closingAfter(int chunks);

    QByteArray header(const QByteArray &name) const;
    QByteArray wholeBody() const;
};

QByteArray reasonPhrase(int status);

} // namespace ringside::fakes
