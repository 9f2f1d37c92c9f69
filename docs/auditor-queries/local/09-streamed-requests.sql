-- streamed-requests: how each streamed answer ended, chunks sent, time to the first, the problem that ended it early.
-- Days from_day to to_day (UTC, inclusive) of receipt; only tenant's if set.
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
WHERE dt BETWEEN CAST(CAST(getvariable('from_day') AS DATE) - 1 AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND substr(times.received, 1, 10) BETWEEN CAST(getvariable('from_day') AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND (getvariable('tenant') IS NULL OR tenant = getvariable('tenant'))
  AND stream IS NOT NULL
ORDER BY received, record_id;
