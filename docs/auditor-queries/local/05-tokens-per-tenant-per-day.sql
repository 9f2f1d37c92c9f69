-- tokens-per-tenant-per-day: token usage per tenant and UTC day of receipt.
-- Days from_day to to_day (UTC, inclusive) of receipt; only tenant's if set. Refused requests carry no usage.
SELECT tenant,
       substr(times.received, 1, 10) AS day_utc,
       count(*) AS requests,
       sum(usage.input_tokens) AS input_tokens,
       sum(usage.output_tokens) AS output_tokens,
       sum(usage.total_tokens) AS total_tokens
FROM audit_records
WHERE dt BETWEEN CAST(CAST(getvariable('from_day') AS DATE) - 1 AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND substr(times.received, 1, 10) BETWEEN CAST(getvariable('from_day') AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND (getvariable('tenant') IS NULL OR tenant = getvariable('tenant'))
  AND tenant IS NOT NULL
GROUP BY 1, 2
ORDER BY 1, 2;
