-- 02 Refused requests and why: HTTP status and problem type (https://auditgate.io/problems/...), per tenant,
-- for whole UTC days 2025-03-01 to 2025-03-02. A null tenant was refused before authentication.
SELECT outcome.http_status AS http_status,
       regexp_extract(outcome.problem_type, '[^/]+$') AS problem,
       coalesce(tenant, '(unauthenticated)') AS tenant,
       count(*) AS requests
FROM audit_records
WHERE dt BETWEEN '2025-02-28' AND '2025-03-02'
  AND substr(times.received, 1, 10) BETWEEN '2025-03-01' AND '2025-03-02'
  AND outcome.http_status >= 400
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
