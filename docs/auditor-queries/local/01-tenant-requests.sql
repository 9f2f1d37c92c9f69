-- tenant-requests: every request of one tenant, with who, which model, the outcome and the input guardrail's verdict.
-- Days from_day to to_day (UTC, inclusive) of receipt. dt starts one day early: a segment is filed under the
-- hour of its FIRST record, so records received just after midnight can sit in the previous day's partition.
-- requires: tenant
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
WHERE dt BETWEEN CAST(CAST(getvariable('from_day') AS DATE) - 1 AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND substr(times.received, 1, 10) BETWEEN CAST(getvariable('from_day') AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND tenant = getvariable('tenant')
ORDER BY CAST(times.received AS TIMESTAMPTZ), record_id;
