-- Campaign queue indexes for the queries that run on every dialer pass and for paging the list
-- (docs/campaigns.md, docs/benchmarks.md).

-- The day's placed calls per number (DecisionLoader::refresh) read a range of placed_at: without
-- this every pass walked the whole queue.
CREATE INDEX scheduled_calls_placed ON scheduled_calls(placed_at) WHERE placed_at IS NOT NULL;

-- The rows of one claim (by its owner token) right after the claiming UPDATE.
CREATE INDEX scheduled_calls_lease ON scheduled_calls(lease_owner) WHERE lease_owner IS NOT NULL;

-- `campaigns list --use-case U [--status S]`, a page at a time in due order.
CREATE INDEX scheduled_calls_use_case_due ON scheduled_calls(use_case, status, due_at);
