-- Call records and their analytics rollups (owned by core/analytics; see docs/analytics.md).
-- Instants are INTEGER ms since the epoch (UTC); money in minor units beside a currency code.
-- Write call records only through analytics::CallRecordStore: it derives the summary columns and
-- keeps the rollups in step within the same transaction.

CREATE TABLE call_records (
    id                TEXT PRIMARY KEY,
    agent             TEXT NOT NULL,
    use_case          TEXT NOT NULL CHECK (use_case IN ('wismo', 'delivery_update', 'cod_confirmation',
                          'cart_recovery', 'returns', 'other')),
    direction         TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    channel           TEXT NOT NULL DEFAULT 'chat' CHECK (channel IN ('chat', 'voice', 'twilio', 'exotel', 'test_call')),
    language          TEXT NOT NULL DEFAULT '',
    customer_id       TEXT,
    order_id          TEXT,
    cart_id           TEXT,
    started_at        INTEGER NOT NULL,
    answered_at       INTEGER,                            -- NULL: never connected (no answer)
    ended_at          INTEGER,
    duration_ms       INTEGER NOT NULL DEFAULT 0,         -- answered → ended (talk time)
    outcome           TEXT NOT NULL CHECK (outcome IN ('resolved', 'escalated', 'confirmed', 'modified', 'cancelled',
                          'rescheduled', 'recovered', 'not_interested', 'no_answer', 'callback', 'failed',
                          'in_progress')),
    handled_by        TEXT NOT NULL DEFAULT 'ai' CHECK (handled_by IN ('ai', 'human', 'ai_then_human')),
    escalation_reason TEXT,
    cancel_reason     TEXT CHECK (cancel_reason IS NULL OR cancel_reason IN ('changed_mind', 'found_cheaper',
                          'delivery_too_slow', 'wrong_item', 'other', 'price_too_high', 'shipping_cost',
                          'payment_issues', 'just_browsing', 'not_ready')),
    revenue_minor     INTEGER NOT NULL DEFAULT 0,         -- recovered (cart recovered) or protected (COD confirmed/modified)
    currency          TEXT NOT NULL DEFAULT '',
    csat              INTEGER CHECK (csat IS NULL OR csat BETWEEN 1 AND 5),
    nps               INTEGER CHECK (nps IS NULL OR nps BETWEEN 0 AND 10),
    order_status      TEXT,                               -- the order's status when the call took place
    carrier           TEXT,                               -- the order's carrier when the call took place
    return_initiated  INTEGER NOT NULL DEFAULT 0,         -- a return was created during the call
    pickup_scheduled  INTEGER NOT NULL DEFAULT 0,         -- a return pickup was booked during the call
    first_attempt     INTEGER NOT NULL DEFAULT 1,         -- earliest call of its use case about this cart/order
    turns             INTEGER NOT NULL DEFAULT 0,
    latency_p50_ms    INTEGER,
    latency_max_ms    INTEGER,
    -- The call's own turn-latency histogram (counts per bucket, upper bounds inclusive), derived
    -- from call_turn_latencies at write time so aggregates need no join.
    lat_n INTEGER NOT NULL DEFAULT 0, lat_sum_ms INTEGER NOT NULL DEFAULT 0,
    lat_250ms INTEGER NOT NULL DEFAULT 0, lat_500ms INTEGER NOT NULL DEFAULT 0, lat_750ms INTEGER NOT NULL DEFAULT 0,
    lat_1000ms INTEGER NOT NULL DEFAULT 0, lat_1500ms INTEGER NOT NULL DEFAULT 0, lat_2000ms INTEGER NOT NULL DEFAULT 0,
    lat_3000ms INTEGER NOT NULL DEFAULT 0, lat_5000ms INTEGER NOT NULL DEFAULT 0, lat_inf INTEGER NOT NULL DEFAULT 0,
    transcript        TEXT NOT NULL DEFAULT '[]',         -- JSON array of events
    tool_calls        TEXT NOT NULL DEFAULT '[]'          -- JSON array of {name, arguments, result}
);
CREATE INDEX call_records_started ON call_records(started_at);
CREATE INDEX call_records_use_case_started ON call_records(use_case, started_at);
-- For first_attempt: the calls about one cart or one order.
CREATE INDEX call_records_cart ON call_records(use_case, cart_id, started_at) WHERE cart_id IS NOT NULL;
CREATE INDEX call_records_order ON call_records(use_case, order_id, started_at) WHERE order_id IS NOT NULL;

-- Per-turn latencies as rows, for exact percentiles of a call or a short range.
CREATE TABLE call_turn_latencies (
    call_id    TEXT NOT NULL REFERENCES call_records(id) ON DELETE CASCADE,
    turn       INTEGER NOT NULL,
    started_at INTEGER NOT NULL,                          -- copy of the call's start, for range filters
    latency_ms INTEGER NOT NULL,
    PRIMARY KEY (call_id, turn)
);
CREATE INDEX call_turn_latencies_started ON call_turn_latencies(started_at);

-- Daily sums per (local day, use case, agent, channel), so KPIs over a million calls read a few
-- thousand rows. `day` is the Julian day number of the call's start in the timezone recorded in
-- call_rollup_meta (the store's). Column meanings: analytics/rollup.cpp, which also rebuilds it.
CREATE TABLE call_rollup_meta (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    timezone TEXT NOT NULL
);

CREATE TABLE call_rollup (
    day      INTEGER NOT NULL,
    use_case TEXT NOT NULL,
    agent    TEXT NOT NULL,
    channel  TEXT NOT NULL,
    calls INTEGER NOT NULL DEFAULT 0, in_progress INTEGER NOT NULL DEFAULT 0, answered INTEGER NOT NULL DEFAULT 0,
    ai_only INTEGER NOT NULL DEFAULT 0, ai_answered INTEGER NOT NULL DEFAULT 0, ai_talk_ms INTEGER NOT NULL DEFAULT 0,
    deflected INTEGER NOT NULL DEFAULT 0, escalated INTEGER NOT NULL DEFAULT 0, resolved_by_ai INTEGER NOT NULL DEFAULT 0,
    talk_ms INTEGER NOT NULL DEFAULT 0, first_attempts INTEGER NOT NULL DEFAULT 0,
    return_initiated INTEGER NOT NULL DEFAULT 0, pickup_scheduled INTEGER NOT NULL DEFAULT 0,
    return_talk_ms INTEGER NOT NULL DEFAULT 0,
    csat_sum INTEGER NOT NULL DEFAULT 0, csat_n INTEGER NOT NULL DEFAULT 0,
    nps_n INTEGER NOT NULL DEFAULT 0, nps_promoters INTEGER NOT NULL DEFAULT 0, nps_detractors INTEGER NOT NULL DEFAULT 0,
    turns INTEGER NOT NULL DEFAULT 0, lat_n INTEGER NOT NULL DEFAULT 0, lat_sum_ms INTEGER NOT NULL DEFAULT 0,
    o_resolved INTEGER NOT NULL DEFAULT 0, o_escalated INTEGER NOT NULL DEFAULT 0, o_confirmed INTEGER NOT NULL DEFAULT 0,
    o_modified INTEGER NOT NULL DEFAULT 0, o_cancelled INTEGER NOT NULL DEFAULT 0, o_rescheduled INTEGER NOT NULL DEFAULT 0,
    o_recovered INTEGER NOT NULL DEFAULT 0, o_not_interested INTEGER NOT NULL DEFAULT 0, o_no_answer INTEGER NOT NULL DEFAULT 0,
    o_callback INTEGER NOT NULL DEFAULT 0, o_failed INTEGER NOT NULL DEFAULT 0,
    st_processing INTEGER NOT NULL DEFAULT 0, st_shipped INTEGER NOT NULL DEFAULT 0, st_out_for_delivery INTEGER NOT NULL DEFAULT 0,
    st_delivered INTEGER NOT NULL DEFAULT 0, st_delayed INTEGER NOT NULL DEFAULT 0, st_cancelled INTEGER NOT NULL DEFAULT 0,
    st_returned INTEGER NOT NULL DEFAULT 0, st_on_hold INTEGER NOT NULL DEFAULT 0, st_pending_payment INTEGER NOT NULL DEFAULT 0,
    car_bluedart INTEGER NOT NULL DEFAULT 0, car_delhivery INTEGER NOT NULL DEFAULT 0, car_ecom_express INTEGER NOT NULL DEFAULT 0,
    car_fedex INTEGER NOT NULL DEFAULT 0, car_ups INTEGER NOT NULL DEFAULT 0, car_dhl INTEGER NOT NULL DEFAULT 0,
    rs_changed_mind INTEGER NOT NULL DEFAULT 0, rs_found_cheaper INTEGER NOT NULL DEFAULT 0,
    rs_delivery_too_slow INTEGER NOT NULL DEFAULT 0, rs_wrong_item INTEGER NOT NULL DEFAULT 0, rs_other INTEGER NOT NULL DEFAULT 0,
    rs_price_too_high INTEGER NOT NULL DEFAULT 0, rs_shipping_cost INTEGER NOT NULL DEFAULT 0,
    rs_payment_issues INTEGER NOT NULL DEFAULT 0, rs_just_browsing INTEGER NOT NULL DEFAULT 0, rs_not_ready INTEGER NOT NULL DEFAULT 0,
    dur_10s INTEGER NOT NULL DEFAULT 0, dur_30s INTEGER NOT NULL DEFAULT 0, dur_60s INTEGER NOT NULL DEFAULT 0,
    dur_120s INTEGER NOT NULL DEFAULT 0, dur_180s INTEGER NOT NULL DEFAULT 0, dur_300s INTEGER NOT NULL DEFAULT 0,
    dur_600s INTEGER NOT NULL DEFAULT 0, dur_inf INTEGER NOT NULL DEFAULT 0,
    lat_250ms INTEGER NOT NULL DEFAULT 0, lat_500ms INTEGER NOT NULL DEFAULT 0, lat_750ms INTEGER NOT NULL DEFAULT 0,
    lat_1000ms INTEGER NOT NULL DEFAULT 0, lat_1500ms INTEGER NOT NULL DEFAULT 0, lat_2000ms INTEGER NOT NULL DEFAULT 0,
    lat_3000ms INTEGER NOT NULL DEFAULT 0, lat_5000ms INTEGER NOT NULL DEFAULT 0, lat_inf INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, use_case, agent, channel)
) WITHOUT ROWID;

-- Revenue recovered or protected, per currency (never summed across currencies).
CREATE TABLE call_revenue_rollup (
    day          INTEGER NOT NULL,
    use_case     TEXT NOT NULL,
    agent        TEXT NOT NULL,
    channel      TEXT NOT NULL,
    currency     TEXT NOT NULL,
    calls        INTEGER NOT NULL DEFAULT 0,
    amount_minor INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, use_case, agent, channel, currency)
) WITHOUT ROWID;

-- RTO rate: COD orders created in a period, by outcome.
CREATE INDEX orders_payment_created ON orders(payment_method, created_at);
