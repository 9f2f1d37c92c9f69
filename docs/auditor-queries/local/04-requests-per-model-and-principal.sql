-- requests-per-model-and-principal: requests and refusals per tenant, principal (API key id or JWT subject) and model.
-- Days from_day to to_day (UTC, inclusive) of receipt; only tenant's if set.
SELECT tenant,
       principal.type AS principal_type,
       principal.id AS principal_id,
       model.requested AS model,
       count(*) AS requests,
       sum(CASE WHEN outcome.http_status >= 400 THEN 1 ELSE 0 END) AS refused
FROM audit_records
WHERE dt BETWEEN CAST(CAST(getvariable('from_day') AS DATE) - 1 AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND substr(times.received, 1, 10) BETWEEN CAST(getvariable('from_day') AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND (getvariable('tenant') IS NULL OR tenant = getvariable('tenant'))
GROUP BY 1, 2, 3, 4
ORDER BY 1 NULLS LAST, 2, 3 NULLS LAST, 4 NULLS LAST;
