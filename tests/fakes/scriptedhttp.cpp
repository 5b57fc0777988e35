#include "scriptedhttp.h"

#include <QUrl>

namespace ringside::fakes {

namespace {
QByteArray findHeader(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}
} // namespace

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString RecordedRequest::path() const
{
    const qsizetype q = target.indexOf('?');
    return QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
}

QUrlQuery RecordedRequest::query() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? QUrlQuery() : QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
}

nlohmann::json RecordedRequest::json() const
{
    return nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
}

ScriptedResponse ScriptedResponse::json(int status, const nlohmann::json &body)
{
    ScriptedResponse r;
    r.status = status;
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    r.chunks.append({QByteArray::fromStdString(body.dump()), 0});
    return r;
}

ScriptedResponse ScriptedResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    ScriptedResponse r;
    r.status = status;
    r.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    r.chunks.append({body, 0});
    return r;
}

ScriptedResponse ScriptedResponse::sse(const QList<QByteArray> &payloads, int delayMs)
{
    ScriptedResponse r;
    r.framing = Framing::Chunked;
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")});
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
    for (const QByteArray &p : payloads)
        r.chunks.append({QByteArrayLiteral("data: ") + p + QByteArrayLiteral("\n\n"), delayMs});
    return r;
}

ScriptedResponse ScriptedResponse::sseJson(const QList<nlohmann::json> &payloads, int delayMs)
{
    QList<QByteArray> texts;
    for (const nlohmann::json &p : payloads)
        texts.append(QByteArray::fromStdString(p.dump()));
    return sse(texts, delayMs);
}

ScriptedResponse ScriptedResponse::rawBytes(const QByteArray &bytes)
{
    ScriptedResponse r;
    r.raw = bytes;
    return r;
}

ScriptedResponse ScriptedResponse::silence()
{
    ScriptedResponse r;
    r.neverAnswer = true;
    return r;
}

ScriptedResponse &ScriptedResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

ScriptedResponse &ScriptedResponse::withChunk(const QByteArray &bytes, int delayMs)
{
    chunks.append({bytes, delayMs});
    return *this;
}

ScriptedResponse &ScriptedResponse::withFraming(Framing f)
{
    framing = f;
    return *this;
}

ScriptedResponse &ScriptedResponse::withFirstByteDelay(int ms)
{
    firstByteDelayMs = ms;
    return *this;
}

ScriptedResponse &ScriptedResponse::closingAfter(int count)
{
    closeAfterChunks = count;
    return *this;
}

QByteArray ScriptedResponse::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

QByteArray ScriptedResponse::wholeBody() const
{
    QByteArray all;
    for (const ScriptedChunk &c : chunks)
        all += c.bytes;
    return all;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return QByteArrayLiteral("Continue");
    case 200: return QByteArrayLiteral("OK");
    case 201: return QByteArrayLiteral("Created");
    case 204: return QByteArrayLiteral("No Content");
    case 400: return QByteArrayLiteral("Bad Request");
    case 401: return QByteArrayLiteral("Unauthorized");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 408: return QByteArrayLiteral("Request Timeout");
    case 413: return QByteArrayLiteral("Content Too Large");
    case 422: return QByteArrayLiteral("Unprocessable Content");
    case 429: return QByteArrayLiteral("Too Many Requests");
    case 431: return QByteArrayLiteral("Request Header Fields Too Large");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 502: return QByteArrayLiteral("Bad Gateway");
    case 503: return QByteArrayLiteral("Service Unavailable");
    case 504: return QByteArrayLiteral("Gateway Timeout");
    default: return QByteArrayLiteral("Status");
    }
}

} // namespace ringside::fakes
