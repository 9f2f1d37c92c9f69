-- 04 Requests per tenant, principal (API key id or JWT subject) and model, with how many were refused.
SELECT tenant,
       principal.type AS principal_type,
       principal.id AS principal_id,
       model.requested AS model,
       count(*) AS requests,
       sum(CASE WHEN outcome.http_status >= 400 THEN 1 ELSE 0 END) AS refused
FROM audit_records
WHERE dt BETWEEN '2025-02-28' AND '2025-03-02'
  AND substr(times.received, 1, 10) BETWEEN '2025-03-01' AND '2025-03-02'
GROUP BY 1, 2, 3, 4
ORDER BY 1 NULLS LAST, 2, 3 NULLS LAST, 4 NULLS LAST;
