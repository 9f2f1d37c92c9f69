-- 06 Latency per model of answered requests: median and 95th percentile of the gateway's total time (ms).
-- quantile_cont is exact, interpolating between neighbours (approx_quantile would be DuckDB's sketch).
SELECT model.resolved AS model,
       count(*) AS requests,
       quantile_cont(latency_ms.total, 0.5) AS p50_ms,
       quantile_cont(latency_ms.total, 0.95) AS p95_ms,
       max(latency_ms.total) AS max_ms
FROM audit_records
WHERE dt BETWEEN '2025-02-28' AND '2025-03-02'
  AND substr(times.received, 1, 10) BETWEEN '2025-03-01' AND '2025-03-02'
  AND outcome.http_status = 200
GROUP BY 1
ORDER BY 1;
