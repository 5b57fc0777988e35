#include "storebox.h"

#include "services/backend.h"
#include "services/secretstore.h"

#include "calls/callassembly.h"
#include "platforms/credentials.h"
#include "platforms/httpexchange.h"
#include "platforms/outbox.h"
#include "platforms/platformstatus.h"
#include "platforms/shopprobe.h"
#include "platforms/smssender.h"
#include "platforms/storesync.h"
#include "platforms/syncclients.h"
#include "platforms/webhookevents.h"
#include "storage/database.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ringside::ui {

using namespace platforms;

namespace {

struct StoreView
{
    json status;
    std::vector<WebhookEvent> events;
    std::vector<OutboxAction> failed;
};

// Runs `work` on a thread of its own and `done` on the UI thread afterwards (not at all once
// `context` is gone; the pointer is only looked at on the UI thread).
template <typename Work, typename Done>
void runApart(QObject *context, Work work, Done done)
{
    QPointer<QObject> guard(context);
    auto *thread = QThread::create([guard, work = std::move(work), done = std::move(done)]() mutable {
        auto result = work();
        QMetaObject::invokeMethod(qApp, [guard, result = std::move(result), done = std::move(done)]() mutable {
            if (guard)
                done(result);
        }, Qt::QueuedConnection);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace

StoreBox::StoreBox(Backend &backend, SecretStore &secrets, QWidget *parent)
    : QGroupBox(tr("Store"), parent), m_backend(backend), m_secrets(secrets)
{
    setObjectName(QStringLiteral("storeBox"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Connect your Shopify or WooCommerce shop: calls then answer from its orders, and what callers "
                                "ask for (cancel, a new address, a discount) is made in the shop. Without a shop, the embedded store is used."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_platform = new QComboBox(this);
    m_platform->setObjectName(QStringLiteral("storePlatformCombo"));
    m_platform->addItem(tr("Shopify"), QStringLiteral("shopify"));
    m_platform->addItem(tr("WooCommerce"), QStringLiteral("woocommerce"));
    m_shop = new QLineEdit(this);
    m_shop->setObjectName(QStringLiteral("storeShopEdit"));
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("storeTokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("storeSecretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_webhookSecret = new QLineEdit(this);
    m_webhookSecret->setObjectName(QStringLiteral("storeWebhookSecretEdit"));
    m_webhookSecret->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Platform:"), m_platform);
    form->addRow(tr("S&hop:"), m_shop);
    form->addRow(tr("&Access token:"), m_token);
    m_secretLabel = new QLabel(tr("Consumer &secret:"), this);
    m_secretLabel->setBuddy(m_secret);
    form->addRow(m_secretLabel, m_secret);
    form->addRow(tr("&Webhook secret:"), m_webhookSecret);
    layout->addLayout(form);

    auto *buttons = new QHBoxLayout;
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("storeTestButton"));
    m_connect = new QPushButton(tr("&Connect"), this);
    m_connect->setObjectName(QStringLiteral("storeConnectButton"));
    m_sync = new QPushButton(tr("S&ync now"), this);
    m_sync->setObjectName(QStringLiteral("storeSyncButton"));
    m_disconnect = new QPushButton(tr("Disconnect"), this);
    m_disconnect->setObjectName(QStringLiteral("storeDisconnectButton"));
    for (QPushButton *b : { m_test, m_connect, m_sync, m_disconnect })
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("storeStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("storeSyncProgress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->hide(); // shown while a sync runs: an idle "0%" read as a sync that never started
    layout->addWidget(m_progress);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("storeCounts"));
    layout->addWidget(m_counts);
    m_webhookUrls = new QLabel(this);
    m_webhookUrls->setObjectName(QStringLiteral("storeWebhookUrls"));
    m_webhookUrls->setWordWrap(true);
    m_webhookUrls->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_webhookUrls);

    layout->addWidget(new QLabel(tr("Last webhook events"), this));
    m_events = new QTreeWidget(this);
    m_events->setObjectName(QStringLiteral("storeEvents"));
    m_events->setHeaderLabels({ tr("Received"), tr("Topic"), tr("Outcome"), tr("Detail") });
    m_events->setRootIsDecorated(false);
    m_events->setMinimumHeight(110);
    layout->addWidget(m_events);

    layout->addWidget(new QLabel(tr("Changes waiting for the shop or failed"), this));
    m_outbox = new QTreeWidget(this);
    m_outbox->setObjectName(QStringLiteral("storeOutbox"));
    m_outbox->setHeaderLabels({ tr("Action"), tr("Order / cart"), tr("Status"), tr("Why") });
    m_outbox->setRootIsDecorated(false);
    m_outbox->setMinimumHeight(90);
    layout->addWidget(m_outbox);
    auto *retryRow = new QHBoxLayout;
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(QStringLiteral("storeRetryButton"));
    m_retry->setEnabled(false);
    retryRow->addWidget(m_retry);
    retryRow->addStretch(1);
    layout->addLayout(retryRow);
    m_sms = new QLabel(this);
    m_sms->setObjectName(QStringLiteral("storeSms"));
    m_sms->setWordWrap(true);
    layout->addWidget(m_sms);

    connect(m_platform, &QComboBox::currentIndexChanged, this, &StoreBox::onPlatformChanged);
    connect(m_test, &QPushButton::clicked, this, [this] { testConnection(false); });
    connect(m_connect, &QPushButton::clicked, this, [this] { testConnection(true); });
    connect(m_sync, &QPushButton::clicked, this, &StoreBox::syncNow);
    connect(m_disconnect, &QPushButton::clicked, this, &StoreBox::disconnectShop);
    connect(m_retry, &QPushButton::clicked, this, &StoreBox::retrySelected);
    connect(m_outbox, &QTreeWidget::itemSelectionChanged, this, [this] {
        const auto items = m_outbox->selectedItems();
        m_retry->setEnabled(!items.isEmpty() && items.first()->data(0, Qt::UserRole + 1).toString() == QLatin1String("failed"));
    });
    connect(&m_backend, &Backend::databaseOpened, this, &StoreBox::refresh);
    connect(&m_secrets, &SecretStore::readFinished, this, [this](const QString &key, const QString &value, bool found) {
        if (!found)
            return;
        QLineEdit *edit = key == secretKey("token") ? m_token : key == secretKey("secret") ? m_secret
                        : key == secretKey("webhook-secret") ? m_webhookSecret : nullptr;
        if (edit && edit->text().isEmpty())
            edit->setText(value);
    });
    for (const char *k : { "token", "secret", "webhook-secret" })
        m_secrets.read(secretKey(k));
    onPlatformChanged();
    refresh();
}

StoreBox::~StoreBox()
{
    m_stop->store(true); // a sync in flight stops after its current page (what it stored is kept)
}

void StoreBox::onPlatformChanged()
{
    const bool shopify = m_platform->currentData().toString() == QLatin1String("shopify");
    // Example addresses, not words: the same in every language (a shop's address is never translated).
    m_shop->setPlaceholderText(shopify ? QStringLiteral("example.myshopify.com") : QStringLiteral("https://example.com"));
    m_token->setPlaceholderText(shopify ? tr("Admin API access token (shpat_…)") : tr("Consumer key (ck_…)"));
    m_secret->setVisible(!shopify);
    m_secretLabel->setVisible(!shopify);
    const QString key = m_platform->currentData().toString();
    m_webhookUrls->setText(tr("Webhook address to paste into %1: https://YOUR-PUBLIC-ADDRESS/webhooks/%2 (serve's port, behind TLS), "
                              "signed with the webhook secret above.").arg(m_platform->currentText(), key));
}

QString StoreBox::statusText() const
{
    return m_status->text();
}

void StoreBox::setRunning(bool running)
{
    m_running += running ? 1 : -1;
    for (QPushButton *b : { m_test, m_connect, m_sync, m_disconnect })
        b->setEnabled(m_running == 0);
}

void StoreBox::saveSecrets()
{
    m_secrets.write(secretKey("token"), m_token->text().trimmed());
    if (!m_secret->text().isEmpty())
        m_secrets.write(secretKey("secret"), m_secret->text().trimmed());
    if (!m_webhookSecret->text().isEmpty())
        m_secrets.write(secretKey("webhook-secret"), m_webhookSecret->text().trimmed());
}

// The credentials typed here (or read from the keychain), with the environment's API bases.
static PlatformCredentials credentialsFrom(bool shopify, const QString &token, const QString &secret, const QString &webhook)
{
    PlatformCredentials c = PlatformCredentials::fromEnvironment();
    if (shopify) {
        c.shopifyAccessToken = token.toUtf8();
        c.shopifyWebhookSecret = webhook.toUtf8();
    } else {
        c.wooConsumerKey = token.toUtf8();
        c.wooConsumerSecret = secret.toUtf8();
        c.wooWebhookSecret = webhook.toUtf8();
    }
    return c;
}

void StoreBox::testConnection(bool save)
{
    const QString path = m_backend.databasePath();
    const bool shopify = m_platform->currentData().toString() == QLatin1String("shopify");
    QString problem;
    Connection c;
    c.platform = shopify ? Platform::Shopify : Platform::WooCommerce;
    c.shop = shopify ? normaliseShopDomain(m_shop->text(), &problem) : normaliseSiteUrl(m_shop->text(), &problem);
    c.apiVersion = shopify ? QLatin1String(kDefaultShopifyApiVersion) : QString();
    if (c.shop.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    if (path.isEmpty()) {
        m_status->setText(tr("Open a database first."));
        return;
    }
    const PlatformCredentials credentials = credentialsFrom(shopify, m_token->text().trimmed(), m_secret->text().trimmed(), m_webhookSecret->text().trimmed());
    if (save)
        saveSecrets();
    setRunning(true);
    m_status->setText(tr("Asking %1…").arg(c.shop));
    runApart(this,
             [c, credentials, path, save]() mutable {
                 HttpExchange http;
                 const ShopInfo info = probeShop(c, credentials, http);
                 if (info.error.ok() && save) {
                     c.shopName = info.name;
                     c.currency = info.currency;
                     c.timezone = info.timezone;
                     c.connectedAt = QDateTime::currentDateTimeUtc();
                     QString error;
                     if (auto db = Database::open(path, &error))
                         saveConnection(*db, c);
                 }
                 return info;
             },
             [this, save, shop = c.shop](const ShopInfo &info) {
                 setRunning(false);
                 if (!info.error.ok()) {
                     m_status->setText(tr("Could not connect: %1").arg(info.error.message));
                     return;
                 }
                 m_status->setText((save ? tr("Connected to %1: %2, %3, %4") : tr("The shop answers: %1 is %2, %3, %4"))
                                           .arg(shop, info.name, info.currency, info.timezone.isEmpty() ? tr("time zone unknown") : info.timezone));
                 if (save) {
                     // The next test call writes back through the shop, as serve's calls do.
                     m_backend.run([](WorkerServices &s) {
                         if (s.hasDatabase())
                             s.assembly().refreshStore();
                     });
                     refresh();
                     m_backend.notifyDataChanged();
                 }
             });
}

void StoreBox::syncNow()
{
    const QString path = m_backend.databasePath();
    if (path.isEmpty())
        return;
    const bool shopify = m_platform->currentData().toString() == QLatin1String("shopify");
    const PlatformCredentials credentials = credentialsFrom(shopify, m_token->text().trimmed(), m_secret->text().trimmed(), m_webhookSecret->text().trimmed());
    setRunning(true);
    m_progress->setRange(0, 0); // busy until the platform says how many
    m_progress->show();
    m_status->setText(tr("Syncing…"));
    QPointer<StoreBox> self(this);
    auto stop = m_stop;
    runApart(this,
             [credentials, path, self, stop]() {
                 QString error;
                 auto db = Database::open(path, &error);
                 if (!db)
                     return std::make_pair(false, error);
                 const auto connection = loadConnection(*db);
                 if (!connection)
                     return std::make_pair(false, tr("Connect a shop first."));
                 HttpExchange http;
                 SyncClients clients = makeSyncClients(*connection, credentials, http);
                 SyncOptions options;
                 options.progress = [self](const SyncProgress &p) {
                     QMetaObject::invokeMethod(qApp, [self, p] {
                         if (!self)
                             return;
                         if (p.total && *p.total > 0) {
                             self->m_progress->setRange(0, int(*p.total));
                             self->m_progress->setValue(int(std::min(p.records, *p.total)));
                         } else {
                             self->m_progress->setRange(0, 0);
                         }
                         self->m_counts->setText(tr("%1: %2 records, %3 pages").arg(p.resource, QLocale().toString(p.records)).arg(p.pages));
                     }, Qt::QueuedConnection);
                 };
                 options.stopRequested = [stop] { return stop->load(); };
                 const SyncReport report = syncStore(*db, *clients.source, options);
                 if (!report.error.ok())
                     return std::make_pair(false, report.error.message);
                 return std::make_pair(true, formatSyncReport(report));
             },
             [this](const std::pair<bool, QString> &result) {
                 setRunning(false);
                 m_progress->setRange(0, 100);
                 m_progress->setValue(100);
                 m_progress->setVisible(result.first); // a stopped sync says so in the status line
                 m_status->setText(result.first ? tr("Sync finished.") : tr("Sync stopped: %1 (what was stored is kept; Sync now resumes)").arg(result.second));
                 if (result.first)
                     m_counts->setText(QString(result.second).replace(QLatin1Char('\n'), QStringLiteral("; ")));
                 refresh();
                 m_backend.notifyDataChanged();
                 Q_EMIT syncFinished(result.first);
             });
}

void StoreBox::disconnectShop()
{
    whenReady(m_backend.run([](WorkerServices &s) {
                  removeConnection(s.database());
                  s.assembly().refreshStore(); // the next test call uses the embedded store
              }),
              this, [this] {
        m_status->setText(tr("Disconnected; calls use the embedded store again."));
        refresh();
        m_backend.notifyDataChanged();
    });
}

void StoreBox::retrySelected()
{
    const auto items = m_outbox->selectedItems();
    if (items.isEmpty())
        return;
    const qint64 id = items.first()->data(0, Qt::UserRole).toLongLong();
    whenReady(m_backend.run([id](WorkerServices &s) { return retryAction(s.database(), id, QDateTime::currentMSecsSinceEpoch()); }), this,
              [this](bool ok) {
                  m_status->setText(ok ? tr("Queued again; the outbox worker will try it now.") : tr("That change is no longer waiting."));
                  refresh();
              });
}

void StoreBox::refresh()
{
    if (m_backend.databasePath().isEmpty())
        return;
    whenReady(m_backend.run([](WorkerServices &s) {
                  StoreView v;
                  v.status = platformStatus(s.database(), SmsProviderConfig::fromEnvironment(), QDateTime::currentDateTimeUtc());
                  v.events = latestEvents(s.database(), 10);
                  for (const OutboxAction &a : listActions(s.database(), 50))
                      if (a.status != QLatin1String("done"))
                          v.failed.push_back(a);
                  return v;
              }),
              this,
              [this](const StoreView &v) {
                  const json &c = v.status["connection"];
                  if (c.is_object() && m_running == 0) {
                      m_platform->setCurrentIndex(m_platform->findData(QString::fromStdString(c.value("platform", std::string()))));
                      if (m_shop->text().isEmpty())
                          m_shop->setText(QString::fromStdString(c.value("shop", std::string())));
                      if (m_status->text().isEmpty())
                          m_status->setText(tr("Connected to %1 (%2).").arg(QString::fromStdString(c.value("shop", std::string())),
                                                                            QString::fromStdString(c.value("shop_name", std::string()))));
                  } else if (m_status->text().isEmpty()) {
                      m_status->setText(tr("No shop connected: calls use the embedded store."));
                  }
                  m_events->clear();
                  for (const WebhookEvent &e : v.events)
                      m_events->addTopLevelItem(new QTreeWidgetItem({ QLocale().toString(e.receivedAt.toLocalTime(), QLocale::ShortFormat), e.topic, e.status, e.detail }));
                  m_outbox->clear();
                  for (const OutboxAction &a : v.failed) {
                      auto *item = new QTreeWidgetItem({ a.action, a.subject, a.status, a.lastError });
                      item->setData(0, Qt::UserRole, a.id);
                      item->setData(0, Qt::UserRole + 1, a.status);
                      m_outbox->addTopLevelItem(item);
                  }
                  m_retry->setEnabled(false);
                  const json &sms = v.status["sms"];
                  const QString why = QString::fromStdString(sms.value("why_waiting", std::string()));
                  m_sms->setText(tr("Text messages: %1 sent, %2 delivered, %3 waiting, %4 failed%5")
                                         .arg(sms.value("sent", 0)).arg(sms.value("delivered", 0)).arg(sms.value("waiting", 0)).arg(sms.value("failed", 0))
                                         .arg(why.isEmpty() ? QString() : tr(" — still queued because %1").arg(why)));
                  Q_EMIT refreshed();
              });
}

} // namespace ringside::ui
