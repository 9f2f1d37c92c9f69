-- 01 Every request of one tenant in a period (here: acme-bank on 2025-03-02, UTC).
-- dt starts one day early: a segment is filed under the hour of its FIRST record, so records received just
-- after midnight can sit in the previous day's partition. times.received then cuts the exact period.
SELECT record_id,
       times.received AS received,
       principal.type AS principal_type,
       principal.id AS principal_id,
       model.requested AS model,
       outcome.http_status AS http_status,
       regexp_extract(outcome.problem_type, '[^/]+$') AS problem,
       guardrails.input.status AS input_guardrail,
       usage.total_tokens AS total_tokens
FROM audit_records
WHERE dt BETWEEN '2025-03-01' AND '2025-03-02'
  AND tenant = 'acme-bank'
  AND from_iso8601_timestamp(times.received) >= from_iso8601_timestamp('2025-03-02T00:00:00Z')
  AND from_iso8601_timestamp(times.received) < from_iso8601_timestamp('2025-03-03T00:00:00Z')
ORDER BY from_iso8601_timestamp(times.received), record_id;
