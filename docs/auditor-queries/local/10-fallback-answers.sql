-- fallback-answers: requests answered by a fallback model, which one, and why the requested model did not answer.
-- Days from_day to to_day (UTC, inclusive) of receipt; only tenant's if set.
SELECT record_id,
       times.received AS received,
       tenant,
       model.requested AS requested,
       model.resolved AS answered_by,
       model.attempts[1].outcome AS why,
       outcome.attempts AS attempts,
       latency_ms.total AS total_ms
FROM audit_records
WHERE dt BETWEEN CAST(CAST(getvariable('from_day') AS DATE) - 1 AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND substr(times.received, 1, 10) BETWEEN CAST(getvariable('from_day') AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND (getvariable('tenant') IS NULL OR tenant = getvariable('tenant'))
  AND outcome.http_status = 200
  AND model.resolved <> model.requested
ORDER BY received, record_id;
