-- Outbound campaigns (core/campaigns, docs/campaigns.md): the durable call queue, its history,
-- the do-not-call list, consents and the store's campaign rules. Same conventions as 0001:
-- instants are INTEGER ms since the epoch (UTC), phones are E.164.

-- One row per planned call attempt. A trigger (an order's COD confirmation, a delivery event, a
-- cart, a callback request) has a subject_key; its attempts share it and are numbered from 1, so
-- scheduling the same trigger twice is a no-op (UNIQUE) and a call is never planned twice.
CREATE TABLE scheduled_calls (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    use_case         TEXT NOT NULL CHECK (use_case IN ('cod_confirmation', 'delivery_update', 'cart_recovery', 'callback')),
    subject_key      TEXT NOT NULL,                  -- 'cod:ORD-1', 'delivery:ORD-1:out_for_delivery', 'cart:CART-1', 'callback:<record id>'
    attempt          INTEGER NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    agent            TEXT NOT NULL,                  -- agent slug (a language variant when one was chosen)
    order_id         TEXT,
    cart_id          TEXT,
    customer_id      TEXT,
    phone            TEXT NOT NULL DEFAULT '',       -- E.164; '' = none known
    timezone         TEXT NOT NULL DEFAULT '',       -- the called party's IANA zone used for the windows
    timezone_source  TEXT NOT NULL DEFAULT '',       -- customer | phone | store
    language         TEXT NOT NULL DEFAULT '',       -- the language the rules chose (BCP 47)
    language_source  TEXT NOT NULL DEFAULT '',       -- preferred | state | northern_state | default
    agent_language   TEXT NOT NULL DEFAULT '',       -- the language the call's agent speaks
    event_kind       TEXT NOT NULL DEFAULT '',       -- delivery: fulfilled | out_for_delivery | delayed
    due_at           INTEGER NOT NULL,
    first_due_at     INTEGER NOT NULL,               -- before any quiet-hours move
    status           TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'dialing', 'done', 'skipped', 'failed', 'cancelled')),
    reason           TEXT NOT NULL DEFAULT '',       -- why skipped / rescheduled / failed / cancelled
    outcome          TEXT NOT NULL DEFAULT '',       -- no_answer busy machine failed canceled, or the conversation's outcome
    provider         TEXT NOT NULL DEFAULT '',       -- twilio | exotel
    provider_call_id TEXT,
    provider_status  TEXT NOT NULL DEFAULT '',
    provider_seq     INTEGER NOT NULL DEFAULT -1,    -- highest Twilio SequenceNumber applied
    answered_by      TEXT NOT NULL DEFAULT '',       -- human | machine_* | fax | unknown (AMD)
    lease_owner      TEXT,
    lease_until      INTEGER,
    lease_gen        INTEGER NOT NULL DEFAULT 0,     -- bumped on every claim (a fencing token)
    claimed_at       INTEGER,
    placed_at        INTEGER,                        -- the provider accepted the call
    answered_at      INTEGER,
    ended_at         INTEGER,
    duration_s       INTEGER,
    record_id        TEXT,                           -- call_records.id of the conversation or of the unanswered attempt
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    UNIQUE (subject_key, attempt)
);
CREATE INDEX scheduled_calls_due ON scheduled_calls(status, due_at);
CREATE INDEX scheduled_calls_due_all ON scheduled_calls(due_at, id);
CREATE INDEX scheduled_calls_phone ON scheduled_calls(phone, placed_at);
CREATE INDEX scheduled_calls_provider ON scheduled_calls(provider_call_id) WHERE provider_call_id IS NOT NULL;
CREATE INDEX scheduled_calls_order ON scheduled_calls(order_id) WHERE order_id IS NOT NULL;
CREATE INDEX scheduled_calls_cart ON scheduled_calls(cart_id) WHERE cart_id IS NOT NULL;

-- What happened to each planned call, oldest first: scheduled, rescheduled (quiet hours),
-- claimed, placed, provider statuses, skipped, retried, finished. The console's history.
CREATE TABLE campaign_events (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    scheduled_call_id INTEGER NOT NULL REFERENCES scheduled_calls(id) ON DELETE CASCADE,
    at                INTEGER NOT NULL,
    kind              TEXT NOT NULL,
    reason            TEXT NOT NULL DEFAULT '',
    detail            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX campaign_events_call ON campaign_events(scheduled_call_id, id);

-- The do-not-call list. A row blocks every campaign unless `categories` is set (an NCPR import):
-- then it blocks promotional calls of those categories (and service calls only when the rules say so).
CREATE TABLE dnd (
    phone      TEXT PRIMARY KEY,                     -- E.164
    national   TEXT NOT NULL,                        -- last ten digits
    categories TEXT NOT NULL DEFAULT '',             -- '' = everything; else NCPR preference digits, e.g. '0' or '1,5'
    source     TEXT NOT NULL CHECK (source IN ('ncpr', 'manual', 'opt_out')),
    note       TEXT NOT NULL DEFAULT '',
    added_at   INTEGER NOT NULL
);
CREATE INDEX dnd_national ON dnd(national);

-- Recorded consent to marketing calls (US cart recovery needs one).
CREATE TABLE consents (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    phone       TEXT NOT NULL,
    customer_id TEXT,
    purpose     TEXT NOT NULL DEFAULT 'marketing' CHECK (purpose IN ('marketing', 'all')),
    source      TEXT NOT NULL,                       -- where it was given: 'checkout checkbox', 'shopify accepts_marketing', …
    given_at    INTEGER NOT NULL,
    revoked_at  INTEGER
);
CREATE INDEX consents_phone ON consents(phone);

-- The store's campaign rules as one JSON document (key 'rules') plus pauses ('paused.<use case>').
CREATE TABLE campaign_settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- An order placed from a cart (Shopify checkout token, the embedded store's checkout): a cart
-- counts as recovered only when such an order follows its recovery call.
ALTER TABLE orders ADD COLUMN cart_id TEXT;
CREATE INDEX orders_cart ON orders(cart_id) WHERE cart_id IS NOT NULL;

-- What the trigger scan reads every few seconds: recently changed orders, recently abandoned carts.
CREATE INDEX orders_updated ON orders(updated_at);
CREATE INDEX carts_status_abandoned ON carts(status, abandoned_at);
