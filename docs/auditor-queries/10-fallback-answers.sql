-- 10 Requests answered by a fallback, and why: the model asked for, the model that answered (a fallback of the
-- tenant's routes), the outcome of the first attempt of the requested model (model.attempts lists every attempt,
-- retries included), how many attempts there were and the request's total latency.
SELECT record_id,
       times.received AS received,
       tenant,
       model.requested AS requested,
       model.resolved AS answered_by,
       model.attempts[1].outcome AS why,
       outcome.attempts AS attempts,
       latency_ms.total AS total_ms
FROM audit_records
WHERE dt BETWEEN '2025-02-28' AND '2025-03-02'
  AND substr(times.received, 1, 10) BETWEEN '2025-03-01' AND '2025-03-02'
  AND outcome.http_status = 200
  AND model.resolved <> model.requested
ORDER BY received, record_id;
