#pragma once

#include "telephony/gatewaylimits.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>

#include <functional>
#include <memory>

class QTcpSocket;

namespace ringside::telephony {

class ConnectionGuard;

// Counts what each peer address holds open, so one address cannot fill the gateway with sockets
// that never become a call: connections not yet "established" (a started call or a signed-in
// console) are capped per address, all of them in total, and the bodies being read at once.
class ConnectionLimiter
{
public:
    explicit ConnectionLimiter(const GatewayLimits &limits) : m_limits(limits) {}

    const GatewayLimits &limits() const { return m_limits; }
    // A route registered later (platform webhooks) with its own body cap.
    void setBodyLimit(const QString &path, qint64 bytes) { m_limits.bodyBytesByPath.insert(path, bytes); }
    qint64 bodyLimitFor(const QString &path) const { return m_limits.bodyBytesByPath.value(path, m_limits.maxBodyBytes); }
    qint64 largestBody() const;
    // A new connection from `address`: false when its address (or the gateway) is full.
    bool admit(const QHostAddress &address);
    void established(const QHostAddress &address);             // pending → established
    void closed(const QHostAddress &address, bool wasEstablished);
    bool reserveBody(qint64 bytes);
    void releaseBody(qint64 bytes);

    int pending(const QHostAddress &address) const { return m_pending.value(address); }
    int total() const { return m_total; }
    quint64 refused() const { return m_refused; }

private:
    GatewayLimits m_limits;
    QHash<QHostAddress, int> m_pending;
    int m_total = 0;
    qint64 m_inflightBody = 0;
    quint64 m_refused = 0;
};

// The listening socket: every accepted connection is admitted by the limiter (or closed at once)
// and gets its ConnectionGuard before anything else sees it, so the guard reads each chunk first.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    // `httpServer` is the QAbstractHttpServer the sockets are handed to: a guard that refuses a
    // request unplugs the socket from it so it parses nothing more.
    GuardedTcpServer(std::shared_ptr<ConnectionLimiter> limiter, QObject *httpServer, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    std::shared_ptr<ConnectionLimiter> m_limiter;
    QPointer<QObject> m_httpServer;
    qint64 m_lastRefusalLogMs = 0;
};

// Watches one HTTP connection (a child of its socket, so it lives exactly as long): caps the
// request line and headers, the body (by route, from Content-Length or as it arrives chunked),
// and the time a request may take to arrive; closes kept-alive connections that idle. It reads
// nothing — it peeks at each chunk before Qt's HTTP parser does — and answers 431, 413, 408 or
// 503 itself, then unplugs the socket from the parser. After a WebSocket upgrade it only counts
// the connection for its address (the QTcpSocket lives on under the QWebSocket, which does not own
// it: Qt deletes it when the connection drops, and the guard with it).
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    // `address` is the peer's as the limiter admitted it (the key its counts are kept under).
    ConnectionGuard(QTcpSocket *socket, QHostAddress address, std::shared_ptr<ConnectionLimiter> limiter, QObject *httpServer);
    ~ConnectionGuard() override;

    // The socket's guard, or null.
    static ConnectionGuard *of(QTcpSocket *socket);
    // The socket it watches (its parent until a media stream's hand-over takes it off).
    QTcpSocket *socket() const { return m_socket; }

    // The HTTP server handled a whole request (its answer is on the way): the next one starts.
    void requestHandled();
    // The connection became a WebSocket: no more HTTP rules.
    void upgraded();
    // A call started on it, or a console signed in: it no longer counts against its address's
    // pending connections.
    void establish();

private:
    enum class Phase { Idle, Head, Body, Waiting, Upgraded, Refused };
    void onReadyRead();
    void onDeadline();
    void headComplete(qsizetype headEnd);
    void refuse(int status, const QByteArray &reason, const QByteArray &message);
    void startDeadline(int ms);

    QTcpSocket *m_socket;
    std::shared_ptr<ConnectionLimiter> m_limiter; // shared: a WebSocket may outlive the server
    QPointer<QObject> m_httpServer;
    QHostAddress m_address;
    Phase m_phase = Phase::Idle;
    QByteArray m_head;         // this request's bytes up to the end of its headers
    qint64 m_bodyCap = 0;
    qint64 m_bodyExpected = -1; // Content-Length, -1 chunked
    qint64 m_bodySeen = 0;
    qint64 m_reserved = 0;     // body bytes reserved with the limiter
    bool m_established = false;
    QTimer m_deadline;
};

} // namespace ringside::telephony
