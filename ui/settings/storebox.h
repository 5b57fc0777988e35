#pragma once

#include <QGroupBox>
#include <QPointer>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace ringside::ui {

class Backend;
class SecretStore;

// Settings → Store: connect a Shopify or WooCommerce shop (keys kept in the keychain), test the
// connection, sync with a progress bar and counts, the webhook addresses to paste into the shop,
// the last webhook events, write-back failures with Retry, and what became of text messages.
// The network work (probe, sync) runs on a thread of its own against its own database connection;
// reading the status runs on the console's worker; nothing waits on the UI thread.
class StoreBox final : public QGroupBox
{
    Q_OBJECT
public:
    StoreBox(Backend &backend, SecretStore &secrets, QWidget *parent = nullptr);
    ~StoreBox() override;

    // Reads the connection, events, outbox and SMS status again (on the worker).
    void refresh();
    QString statusText() const;
    bool busy() const { return m_running > 0; }

    // Keychain entries the box keeps its secrets under.
    static QString secretKey(const char *name) { return QStringLiteral("store/") + QLatin1String(name); }

Q_SIGNALS:
    void refreshed();
    void syncFinished(bool ok);

private:
    void onPlatformChanged();
    void testConnection(bool save);
    void syncNow();
    void disconnectShop();
    void retrySelected();
    void saveSecrets();
    void setRunning(bool running);

    Backend &m_backend;
    SecretStore &m_secrets;
    QComboBox *m_platform = nullptr;
    QLineEdit *m_shop = nullptr;
    QLineEdit *m_token = nullptr;      // Shopify access token / WooCommerce consumer key
    QLineEdit *m_secret = nullptr;     // WooCommerce consumer secret
    QLineEdit *m_webhookSecret = nullptr;
    QLabel *m_secretLabel = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_sync = nullptr;
    QPushButton *m_disconnect = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_webhookUrls = nullptr;
    QTreeWidget *m_events = nullptr;
    QTreeWidget *m_outbox = nullptr;
    QPushButton *m_retry = nullptr;
    QLabel *m_sms = nullptr;
    int m_running = 0;
    std::shared_ptr<std::atomic<bool>> m_stop = std::make_shared<std::atomic<bool>>(false);
};

} // namespace ringside::ui
