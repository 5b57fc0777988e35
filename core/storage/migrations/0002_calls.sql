-- One row per call (typed chat, voice, phone gateway, console test call).
-- Instants are INTEGER ms since the epoch (UTC); money in minor units. JSON columns hold the detail
-- the console shows; the KPI columns are plain so SQL can aggregate them without parsing JSON.

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
    duration_ms       INTEGER NOT NULL DEFAULT 0,         -- answered → ended
    outcome           TEXT NOT NULL CHECK (outcome IN ('resolved', 'escalated', 'confirmed', 'modified', 'cancelled',
                          'rescheduled', 'recovered', 'not_interested', 'no_answer', 'callback', 'failed',
                          'in_progress')),
    handled_by        TEXT NOT NULL DEFAULT 'ai' CHECK (handled_by IN ('ai', 'human', 'ai_then_human')),
    escalation_reason TEXT,
    cancel_reason     TEXT,                               -- cancellation / abandonment reason enum when recorded
    revenue_minor     INTEGER NOT NULL DEFAULT 0,         -- recovered (carts) or protected (COD confirmed)
    currency          TEXT NOT NULL DEFAULT '',
    csat              INTEGER CHECK (csat IS NULL OR csat BETWEEN 1 AND 5),
    nps               INTEGER CHECK (nps IS NULL OR nps BETWEEN 0 AND 10),
    turns             INTEGER NOT NULL DEFAULT 0,
    latency_p50_ms    INTEGER,
    latency_max_ms    INTEGER,
    transcript        TEXT NOT NULL DEFAULT '[]',         -- JSON array of events
    tool_calls        TEXT NOT NULL DEFAULT '[]',         -- JSON array of {name, arguments, result}
    turn_latencies    TEXT NOT NULL DEFAULT '[]'          -- JSON array of ms per turn
);
CREATE INDEX call_records_started ON call_records(started_at);
CREATE INDEX call_records_use_case_started ON call_records(use_case, started_at);

-- Per-turn latencies as rows, for the latency histogram and percentiles.
CREATE TABLE call_turn_latencies (
    call_id    TEXT NOT NULL REFERENCES call_records(id) ON DELETE CASCADE,
    turn       INTEGER NOT NULL,
    started_at INTEGER NOT NULL,                          -- copy of the call's start, for range filters
    latency_ms INTEGER NOT NULL,
    PRIMARY KEY (call_id, turn)
);
CREATE INDEX call_turn_latencies_started ON call_turn_latencies(started_at);
