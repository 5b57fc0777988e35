-- Call records written while the call runs (issue 14 item 7): a record is inserted "in_progress"
-- when the call starts and updated as it goes, so an engine that dies mid-call leaves it behind;
-- the next engine to start marks it "interrupted" (a new outcome) if the process named in the new
-- live_owner column is gone. SQLite cannot change a CHECK constraint in place, so call_records is
-- rebuilt; its per-turn latencies are kept aside meanwhile, because dropping the old table deletes
-- them through their ON DELETE CASCADE foreign key.

CREATE TABLE call_records_0003 (
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
                          'interrupted', 'in_progress')),
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
    tool_calls        TEXT NOT NULL DEFAULT '[]',         -- JSON array of {name, arguments, result}
    -- While a call is in progress: the engine process keeping its record up to date
    -- ("host/pid/start ticks"); NULL once the call has ended. See analytics/liveowner.h.
    live_owner        TEXT
);

INSERT INTO call_records_0003 (id, agent, use_case, direction, channel, language, customer_id, order_id, cart_id,
    started_at, answered_at, ended_at, duration_ms, outcome, handled_by, escalation_reason, cancel_reason,
    revenue_minor, currency, csat, nps, order_status, carrier, return_initiated, pickup_scheduled, first_attempt,
    turns, latency_p50_ms, latency_max_ms, lat_n, lat_sum_ms, lat_250ms, lat_500ms, lat_750ms, lat_1000ms,
    lat_1500ms, lat_2000ms, lat_3000ms, lat_5000ms, lat_inf, transcript, tool_calls)
SELECT id, agent, use_case, direction, channel, language, customer_id, order_id, cart_id,
    started_at, answered_at, ended_at, duration_ms, outcome, handled_by, escalation_reason, cancel_reason,
    revenue_minor, currency, csat, nps, order_status, carrier, return_initiated, pickup_scheduled, first_attempt,
    turns, latency_p50_ms, latency_max_ms, lat_n, lat_sum_ms, lat_250ms, lat_500ms, lat_750ms, lat_1000ms,
    lat_1500ms, lat_2000ms, lat_3000ms, lat_5000ms, lat_inf, transcript, tool_calls
FROM call_records;

CREATE TEMP TABLE call_turn_latencies_0003 AS SELECT * FROM call_turn_latencies;
DROP TABLE call_records;
ALTER TABLE call_records_0003 RENAME TO call_records;
INSERT INTO call_turn_latencies (call_id, turn, started_at, latency_ms)
    SELECT call_id, turn, started_at, latency_ms FROM call_turn_latencies_0003;
DROP TABLE call_turn_latencies_0003;

CREATE INDEX call_records_started ON call_records(started_at);
CREATE INDEX call_records_use_case_started ON call_records(use_case, started_at);
-- For first_attempt: the calls about one cart or one order.
CREATE INDEX call_records_cart ON call_records(use_case, cart_id, started_at) WHERE cart_id IS NOT NULL;
CREATE INDEX call_records_order ON call_records(use_case, order_id, started_at) WHERE order_id IS NOT NULL;
-- The engines' sweep for records left behind.
CREATE INDEX call_records_live ON call_records(live_owner) WHERE live_owner IS NOT NULL;

-- Interrupted calls get their own column in the daily rollup, like every other outcome, placed
-- with the outcomes (the rollup's columns follow analytics/rollup.cpp's measure list); no call was
-- interrupted before this version, so the copied rows count none.
CREATE TABLE call_rollup_0003 (
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
    o_callback INTEGER NOT NULL DEFAULT 0, o_failed INTEGER NOT NULL DEFAULT 0, o_interrupted INTEGER NOT NULL DEFAULT 0,
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
INSERT INTO call_rollup_0003 (use_case, calls, in_progress, answered, ai_only, ai_answered, ai_talk_ms, deflected, escalated,
    resolved_by_ai, talk_ms, first_attempts, return_initiated, pickup_scheduled, return_talk_ms, csat_sum, csat_n,
    nps_n, nps_promoters, nps_detractors, turns, lat_n, lat_sum_ms, o_resolved, o_escalated, o_confirmed,
    o_modified, o_cancelled, o_rescheduled, o_recovered, o_not_interested, o_no_answer, o_callback, o_failed,
    st_processing, st_shipped, st_out_for_delivery, st_delivered, st_delayed, st_cancelled, st_returned,
    st_on_hold, st_pending_payment, car_bluedart, car_delhivery, car_ecom_express, car_fedex, car_ups, car_dhl,
    rs_changed_mind, rs_found_cheaper, rs_delivery_too_slow, rs_wrong_item, rs_other, rs_price_too_high,
    rs_shipping_cost, rs_payment_issues, rs_just_browsing, rs_not_ready, dur_10s, dur_30s, dur_60s, dur_120s,
    dur_180s, dur_300s, dur_600s, dur_inf, lat_250ms, lat_500ms, lat_750ms, lat_1000ms, lat_1500ms, lat_2000ms,
    lat_3000ms, lat_5000ms, lat_inf)
SELECT use_case, calls, in_progress, answered, ai_only, ai_answered, ai_talk_ms, deflected, escalated,
    resolved_by_ai, talk_ms, first_attempts, return_initiated, pickup_scheduled, return_talk_ms, csat_sum, csat_n,
    nps_n, nps_promoters, nps_detractors, turns, lat_n, lat_sum_ms, o_resolved, o_escalated, o_confirmed,
    o_modified, o_cancelled, o_rescheduled, o_recovered, o_not_interested, o_no_answer, o_callback, o_failed,
    st_processing, st_shipped, st_out_for_delivery, st_delivered, st_delayed, st_cancelled, st_returned,
    st_on_hold, st_pending_payment, car_bluedart, car_delhivery, car_ecom_express, car_fedex, car_ups, car_dhl,
    rs_changed_mind, rs_found_cheaper, rs_delivery_too_slow, rs_wrong_item, rs_other, rs_price_too_high,
    rs_shipping_cost, rs_payment_issues, rs_just_browsing, rs_not_ready, dur_10s, dur_30s, dur_60s, dur_120s,
    dur_180s, dur_300s, dur_600s, dur_inf, lat_250ms, lat_500ms, lat_750ms, lat_1000ms, lat_1500ms, lat_2000ms,
    lat_3000ms, lat_5000ms, lat_inf
FROM call_rollup;
DROP TABLE call_rollup;
ALTER TABLE call_rollup_0003 RENAME TO call_rollup;
