-- refused-requests: refused requests and why (HTTP status and problem type), per tenant.
-- Days from_day to to_day (UTC, inclusive) of receipt; only tenant's if set.
SELECT outcome.http_status AS http_status,
       regexp_extract(outcome.problem_type, '[^/]+$') AS problem,
       coalesce(tenant, '(unauthenticated)') AS tenant,
       count(*) AS requests
FROM audit_records
WHERE dt BETWEEN CAST(CAST(getvariable('from_day') AS DATE) - 1 AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND substr(times.received, 1, 10) BETWEEN CAST(getvariable('from_day') AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND (getvariable('tenant') IS NULL OR tenant = getvariable('tenant'))
  AND outcome.http_status >= 400
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
