-- latency-percentiles: median and 95th percentile of the gateway's total time (ms) per model, of answered requests.
-- Days from_day to to_day (UTC, inclusive) of receipt; only tenant's if set.
SELECT model.resolved AS model,
       count(*) AS requests,
       quantile_cont(latency_ms.total, 0.5) AS p50_ms,
       quantile_cont(latency_ms.total, 0.95) AS p95_ms,
       max(latency_ms.total) AS max_ms
FROM audit_records
WHERE dt BETWEEN CAST(CAST(getvariable('from_day') AS DATE) - 1 AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND substr(times.received, 1, 10) BETWEEN CAST(getvariable('from_day') AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND (getvariable('tenant') IS NULL OR tenant = getvariable('tenant'))
  AND outcome.http_status = 200
GROUP BY 1
ORDER BY 1;
