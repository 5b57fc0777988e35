-- The embedded store. Conventions:
--   instants are INTEGER milliseconds since the Unix epoch (UTC); shown in the customer's timezone
--   money is INTEGER minor units (paise, cents) beside a 3-letter currency code
--   plain calendar dates chosen by customers (pickup, reschedule) are TEXT 'YYYY-MM-DD'

CREATE TABLE store_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE customers (
    id                 TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    phone              TEXT NOT NULL DEFAULT '',          -- E.164
    phone_national     TEXT NOT NULL DEFAULT '',          -- last ten digits, for lookups without a country code
    email              TEXT NOT NULL DEFAULT '',
    state              TEXT NOT NULL DEFAULT '',
    country            TEXT NOT NULL DEFAULT '',          -- ISO 3166 alpha-2
    timezone           TEXT NOT NULL DEFAULT 'UTC',       -- IANA
    preferred_language TEXT NOT NULL DEFAULT '',          -- BCP 47, '' = infer
    type               TEXT NOT NULL DEFAULT 'consumer' CHECK (type IN ('consumer', 'business'))
);
CREATE INDEX customers_phone ON customers(phone);
CREATE INDEX customers_phone_national ON customers(phone_national);

CREATE TABLE orders (
    id                 TEXT PRIMARY KEY,
    customer_id        TEXT NOT NULL REFERENCES customers(id),
    status             TEXT NOT NULL CHECK (status IN ('processing', 'shipped', 'out_for_delivery', 'delivered',
                           'delayed', 'cancelled', 'returned', 'on_hold', 'pending_payment')),
    payment_method     TEXT NOT NULL DEFAULT 'prepaid',   -- cod, card, upi, netbanking, wallet, prepaid
    cod_confirmation   TEXT NOT NULL DEFAULT '' CHECK (cod_confirmation IN ('', 'pending', 'confirmed',
                           'declined', 'unconfirmed')),
    total_minor        INTEGER NOT NULL,
    currency           TEXT NOT NULL,
    created_at         INTEGER NOT NULL,
    delivery_address   TEXT NOT NULL DEFAULT '',
    carrier            TEXT NOT NULL DEFAULT '' CHECK (carrier IN ('', 'bluedart', 'delhivery', 'ecom_express',
                           'fedex', 'ups', 'dhl')),
    tracking_number    TEXT NOT NULL DEFAULT '',
    shipped_at         INTEGER,
    estimated_delivery INTEGER,
    delivered_at       INTEGER,
    delay_reason       TEXT,
    delivery_date      TEXT,                              -- customer-chosen date after a reschedule
    delivery_slot      TEXT CHECK (delivery_slot IS NULL OR delivery_slot IN ('morning', 'afternoon', 'evening')),
    updated_at         INTEGER NOT NULL
);
CREATE INDEX orders_customer ON orders(customer_id, created_at);
CREATE INDEX orders_status ON orders(status);
CREATE INDEX orders_tracking ON orders(tracking_number);

CREATE TABLE order_items (
    order_id    TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    line        INTEGER NOT NULL,
    sku         TEXT NOT NULL,
    name        TEXT NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    price_minor INTEGER NOT NULL,                         -- unit price
    category    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (order_id, line)
);

CREATE TABLE tracking_events (
    order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    at       INTEGER NOT NULL,
    status   TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (order_id, seq)
);

CREATE TABLE carts (
    id                TEXT PRIMARY KEY,
    customer_id       TEXT NOT NULL REFERENCES customers(id),
    status            TEXT NOT NULL CHECK (status IN ('active', 'abandoned', 'recovered', 'completed', 'expired')),
    abandoned_at      INTEGER,
    total_minor       INTEGER NOT NULL,
    currency          TEXT NOT NULL,
    discount_code     TEXT,
    recovery_attempts INTEGER NOT NULL DEFAULT 0,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX carts_customer ON carts(customer_id, status);

CREATE TABLE cart_items (
    cart_id     TEXT NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
    line        INTEGER NOT NULL,
    sku         TEXT NOT NULL,
    name        TEXT NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    price_minor INTEGER NOT NULL,
    category    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (cart_id, line)
);

CREATE TABLE offers (
    code                 TEXT PRIMARY KEY,
    description          TEXT NOT NULL DEFAULT '',
    percent_off          REAL NOT NULL DEFAULT 0 CHECK (percent_off >= 0 AND percent_off <= 100),
    amount_off_minor     INTEGER NOT NULL DEFAULT 0 CHECK (amount_off_minor >= 0),
    currency             TEXT NOT NULL DEFAULT '',       -- for amount_off / min_cart_total; '' = any
    min_cart_total_minor INTEGER NOT NULL DEFAULT 0,
    category             TEXT NOT NULL DEFAULT '',       -- '' = whole cart
    expires_at           INTEGER
);

CREATE TABLE returns (
    id             TEXT PRIMARY KEY,
    order_id       TEXT NOT NULL REFERENCES orders(id),
    status         TEXT NOT NULL CHECK (status IN ('requested', 'pickup_scheduled', 'picked_up', 'received',
                       'refunded', 'rejected', 'cancelled')),
    created_at     INTEGER NOT NULL,
    refund_method  TEXT NOT NULL DEFAULT 'original_payment' CHECK (refund_method IN ('original_payment',
                       'store_credit', 'bank_transfer')),
    pickup_date    TEXT,
    time_slot      TEXT CHECK (time_slot IS NULL OR time_slot IN ('morning', 'afternoon', 'evening')),
    pickup_address TEXT,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX returns_order ON returns(order_id);

CREATE TABLE return_items (
    return_id TEXT NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
    line      INTEGER NOT NULL,
    sku       TEXT NOT NULL,
    quantity  INTEGER NOT NULL CHECK (quantity > 0),
    reason    TEXT NOT NULL CHECK (reason IN ('damaged', 'wrong_item', 'not_as_described', 'size_issue',
                  'quality_issue', 'changed_mind')),
    PRIMARY KEY (return_id, line)
);

CREATE TABLE cancellations (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL REFERENCES orders(id),
    reason   TEXT NOT NULL CHECK (reason IN ('changed_mind', 'found_cheaper', 'delivery_too_slow', 'wrong_item', 'other')),
    details  TEXT NOT NULL DEFAULT '',
    at       INTEGER NOT NULL
);
CREATE INDEX cancellations_order ON cancellations(order_id);

CREATE TABLE cod_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id     TEXT NOT NULL REFERENCES orders(id),
    at           INTEGER NOT NULL,
    confirmed    INTEGER NOT NULL,
    modification TEXT NOT NULL DEFAULT ''
);

CREATE TABLE delivery_reschedules (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id  TEXT NOT NULL REFERENCES orders(id),
    new_date  TEXT NOT NULL,
    time_slot TEXT,
    at        INTEGER NOT NULL
);

CREATE TABLE abandonment_reasons (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    cart_id TEXT NOT NULL REFERENCES carts(id),
    reason  TEXT NOT NULL CHECK (reason IN ('price_too_high', 'shipping_cost', 'payment_issues', 'found_cheaper',
                'just_browsing', 'not_ready', 'other')),
    notes   TEXT NOT NULL DEFAULT '',
    at      INTEGER NOT NULL
);
CREATE INDEX abandonment_reasons_cart ON abandonment_reasons(cart_id);

CREATE TABLE sms_outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    to_phone   TEXT NOT NULL,
    body       TEXT NOT NULL,
    link       TEXT,
    kind       TEXT NOT NULL DEFAULT 'checkout_link',
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    sent_at    INTEGER                                   -- NULL until a provider takes it
);
