-- 05 Token usage per tenant per UTC day of receipt (refused requests have no usage and add nothing).
SELECT tenant,
       substr(times.received, 1, 10) AS day_utc,
       count(*) AS requests,
       sum(usage.input_tokens) AS input_tokens,
       sum(usage.output_tokens) AS output_tokens,
       sum(usage.total_tokens) AS total_tokens
FROM audit_records
WHERE dt BETWEEN '2025-02-28' AND '2025-03-02'
  AND substr(times.received, 1, 10) BETWEEN '2025-03-01' AND '2025-03-02'
  AND tenant IS NOT NULL
GROUP BY 1, 2
ORDER BY 1, 2;
