-- An attempt that ended without a conversation (no answer, busy, machine, failed) gets a call
-- record of its own, written just after the attempt is finished (docs/campaigns.md). A crash in
-- between leaves the row waiting: `record_pending` marks it in the same transaction that finishes
-- the attempt, and the record's writer clears it, so the dialer's repair reads only waiting rows
-- through a small partial index instead of every finished attempt on every pass.
ALTER TABLE scheduled_calls ADD COLUMN record_pending INTEGER NOT NULL DEFAULT 0;

UPDATE scheduled_calls SET record_pending = 1
WHERE status IN ('done', 'failed') AND record_id IS NOT NULL AND outcome IN ('no_answer', 'busy', 'machine', 'failed')
  AND NOT EXISTS (SELECT 1 FROM call_records r WHERE r.id = scheduled_calls.record_id);

CREATE INDEX scheduled_calls_record_pending ON scheduled_calls(id) WHERE record_pending = 1;
