-- The engines sharing this database (docs/scale-out.md). Each `serve` adds its row when it starts,
-- beats every few seconds and marks the row stopped when it drains. An engine whose last beat is
-- older than its own dead_after_ms is dead: the first live dialer to notice marks it so (once,
-- whatever the number of engines) and hands its campaign leases back to the queue.
CREATE TABLE engines (
    id            TEXT PRIMARY KEY,                  -- host:pid-random, unique per start; the dialer's lease owner
    address       TEXT NOT NULL DEFAULT '',          -- where consoles and other engines reach it (http://host:port)
    host          TEXT NOT NULL DEFAULT '',
    pid           INTEGER NOT NULL DEFAULT 0,
    state         TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'draining', 'stopped', 'dead')),
    started_at    INTEGER NOT NULL,
    heartbeat_at  INTEGER NOT NULL,
    dead_after_ms INTEGER NOT NULL,                  -- no beat for this long: dead
    stopped_at    INTEGER                            -- drained, or found dead
);
CREATE INDEX engines_state ON engines(state, heartbeat_at);

-- Events one engine publishes to the others (ClusterBus, PostgreSQL NOTIFY) that are too large
-- for a notification's 8000-byte payload: the notification carries this row's id instead.
-- Rows older than a few minutes are removed by the next large publish.
CREATE TABLE cluster_events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    engine_id TEXT NOT NULL,
    channel   TEXT NOT NULL,
    payload   TEXT NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX cluster_events_at ON cluster_events(at);
