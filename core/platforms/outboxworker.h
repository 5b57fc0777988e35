#pragma once
// Drains the write-back outbox: claims one due action at a time, carries it out on the shop
// (PlatformActions) and records the outcome. Runs on its own QThread (moveToThread; start() there);
// the network waits never touch a call's thread or the UI. wake() after a tool queued something
// makes it look at once instead of at the next poll.

#include "platforms/credentials.h"
#include "util/clock.h"

#include <QObject>

#include <memory>

class QTimer;

namespace ringside {
class Database;
}

namespace ringside::platforms {

class HttpExchange;
class ShopifyClient;
class WooClient;

class OutboxWorker : public QObject
{
    Q_OBJECT
public:
    OutboxWorker(Database &db, PlatformCredentials credentials, Clock clock, QObject *parent = nullptr);
    ~OutboxWorker() override;

    // Runs every due action once, now, on the calling thread; returns how many were attempted.
    // (The CLI's `store outbox --run` and tests; the thread uses it from its timer.)
    int runDue();

public Q_SLOTS:
    void start(int pollMs = 1000);
    void stop();
    void wake();

Q_SIGNALS:
    void actionFinished(qint64 id, const QString &status, const QString &error);

private:
    void ensureClients();

    Database &m_db;
    PlatformCredentials m_credentials;
    Clock m_clock;
    QTimer *m_timer = nullptr;
    bool m_running = false;
    std::unique_ptr<HttpExchange> m_http;
    std::unique_ptr<ShopifyClient> m_shopify;
    std::unique_ptr<WooClient> m_woo;
    QString m_connectionShop;
};

} // namespace ringside::platforms
