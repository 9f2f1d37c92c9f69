-- 09 Streamed requests: how each streamed answer ended (finished, or why not), how many pieces of screened text were
-- sent, the time to the first one, and the problem that ended a stream early.
SELECT record_id,
       times.received AS received,
       tenant,
       model.requested AS model,
       stream.ended AS ended,
       stream.chunks AS chunks,
       stream.first_token_ms AS first_token_ms,
       latency_ms.total AS total_ms,
       outcome.problem_type AS problem_type,
       guardrails.output.status AS output_status
FROM audit_records
WHERE dt BETWEEN '2025-02-28' AND '2025-03-02'
  AND substr(times.received, 1, 10) BETWEEN '2025-03-01' AND '2025-03-02'
  AND stream IS NOT NULL
ORDER BY received, record_id;
