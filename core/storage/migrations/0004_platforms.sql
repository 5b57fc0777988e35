-- Shopify / WooCommerce connection, sync state, webhook events, the write-back outbox and SMS
-- delivery (owned by core/platforms; see docs/platforms.md). Instants are INTEGER ms since the
-- epoch (UTC). Platform ids are TEXT: Shopify's exceed 2^53 and must never pass through a double.
-- No secret is ever stored here: tokens and webhook secrets come from the environment or keychain.

-- The one connected shop (none: the embedded store only).
CREATE TABLE platform_connection (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    platform        TEXT NOT NULL CHECK (platform IN ('shopify', 'woocommerce')),
    shop            TEXT NOT NULL,                      -- NAME.myshopify.com, or https://site for WooCommerce
    api_version     TEXT NOT NULL DEFAULT '',           -- Shopify's pinned version, e.g. 2026-01
    shop_name       TEXT NOT NULL DEFAULT '',
    currency        TEXT NOT NULL DEFAULT '',
    timezone        TEXT NOT NULL DEFAULT '',
    connected_at    INTEGER NOT NULL,
    last_checked_at INTEGER
);

-- Where a sync of one resource stands. A page of records and the cursor after it are committed in
-- one transaction, so an interrupted sync resumes after the last page it stored.
CREATE TABLE platform_sync_state (
    resource        TEXT PRIMARY KEY,                   -- orders, customers, checkouts
    cursor          TEXT,                               -- Shopify endCursor / WooCommerce next page; NULL = from the start
    pass_since      INTEGER,                            -- the updated-since bound of the pass in progress (ms)
    pass_high_water INTEGER,                            -- newest updated_at seen in the pass in progress
    done_high_water INTEGER,                            -- newest updated_at of the last finished pass: the next pass starts there
    pass_records    INTEGER NOT NULL DEFAULT 0,
    pass_total      INTEGER,                            -- when the platform says (X-WP-Total)
    pass_started_at INTEGER,
    finished_at     INTEGER,
    updated_at      INTEGER NOT NULL
);

-- Platform records mirrored into the store's tables: which local row stands for which platform id.
CREATE TABLE platform_records (
    kind            TEXT NOT NULL CHECK (kind IN ('order', 'customer', 'checkout')),
    platform_id     TEXT NOT NULL,                      -- numeric id as text (Shopify legacyResourceId / WooCommerce id)
    local_id        TEXT NOT NULL,
    gid             TEXT NOT NULL DEFAULT '',           -- Shopify GraphQL id
    number          TEXT NOT NULL DEFAULT '',           -- orders: what the customer sees ("#1001", "1001")
    number_key      TEXT NOT NULL DEFAULT '',           -- the number as looked up: upper-case letters and digits
    platform_updated_at INTEGER NOT NULL,               -- the platform's updated_at of what is stored (ms)
    url             TEXT NOT NULL DEFAULT '',           -- checkouts: the recovery URL; WooCommerce orders: payment_url
    completed_at    INTEGER,                            -- checkouts: when the buyer completed it
    tags            TEXT NOT NULL DEFAULT '',
    details         TEXT NOT NULL DEFAULT '{}',         -- JSON the write-back needs (email, customer gid, line items)
    PRIMARY KEY (kind, platform_id)
);
CREATE UNIQUE INDEX platform_records_local ON platform_records(kind, local_id);
CREATE INDEX platform_records_number ON platform_records(kind, number_key);

-- Every webhook delivery, raw body first, then its outcome. Deliveries of one webhook id are
-- recorded once as such (the unique index) and later copies as 'duplicate'; kept 14 days.
CREATE TABLE webhook_events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    platform      TEXT NOT NULL CHECK (platform IN ('shopify', 'woocommerce')),
    delivery_id   TEXT NOT NULL,                        -- X-Shopify-Webhook-Id / X-WC-Webhook-Delivery-ID
    event_id      TEXT NOT NULL DEFAULT '',             -- X-Shopify-Event-Id / X-WC-Webhook-ID
    topic         TEXT NOT NULL,
    platform_id   TEXT NOT NULL DEFAULT '',             -- the record the event is about
    received_at   INTEGER NOT NULL,
    triggered_at  INTEGER,
    body          BLOB NOT NULL,                        -- exactly as received (empty for rejected deliveries)
    status        TEXT NOT NULL CHECK (status IN ('received', 'applied', 'duplicate', 'stale', 'rejected',
                      'ignored', 'failed')),
    detail        TEXT NOT NULL DEFAULT '',
    duplicate_of  INTEGER,
    applied_at    INTEGER
);
CREATE UNIQUE INDEX webhook_events_delivery ON webhook_events(platform, delivery_id)
    WHERE duplicate_of IS NULL AND status <> 'rejected';
CREATE INDEX webhook_events_received ON webhook_events(received_at);
CREATE INDEX webhook_events_pending ON webhook_events(status) WHERE status = 'received';

-- The write-back outbox: one row per change the shop must make, written in the same transaction as
-- the local change. 'sending' is set (and committed) before the platform is called; a row found
-- 'sending' after a crash is in doubt and is checked on the platform before anything is repeated.
CREATE TABLE platform_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    platform        TEXT NOT NULL CHECK (platform IN ('shopify', 'woocommerce')),
    action          TEXT NOT NULL,                      -- cancel_order, tag_order, update_address, payment_link, …
    subject         TEXT NOT NULL,                      -- the local order / cart / return id
    platform_id     TEXT NOT NULL DEFAULT '',
    payload         TEXT NOT NULL DEFAULT '{}',         -- JSON
    status          TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'done', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    result          TEXT NOT NULL DEFAULT '{}'          -- JSON: what the platform gave back (invoice URL, discount id…)
);
CREATE INDEX platform_outbox_due ON platform_outbox(status, next_attempt_at);
CREATE INDEX platform_outbox_subject ON platform_outbox(subject);

-- Things a person must look at: a write-back that finally failed, an SMS in doubt.
CREATE TABLE operator_tasks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,                          -- write_back_failed, sms_in_doubt
    subject     TEXT NOT NULL DEFAULT '',               -- order / cart id
    detail      TEXT NOT NULL,
    outbox_id   INTEGER,
    sms_id      INTEGER,
    created_at  INTEGER NOT NULL,
    resolved_at INTEGER
);
CREATE INDEX operator_tasks_open ON operator_tasks(resolved_at);

-- What became of each queued text message (sms_outbox, migration 0001).
CREATE TABLE sms_delivery (
    sms_id          INTEGER PRIMARY KEY,
    provider        TEXT NOT NULL DEFAULT '',           -- twilio | exotel
    provider_sid    TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('sending', 'retry', 'queued', 'sent', 'delivered', 'undelivered',
                        'failed', 'in_doubt')),       -- retry: waiting to try again; queued…failed: the provider's word
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    error_code      TEXT NOT NULL DEFAULT '',
    last_error      TEXT NOT NULL DEFAULT '',
    updated_at      INTEGER NOT NULL
);
CREATE INDEX sms_delivery_sid ON sms_delivery(provider_sid);
