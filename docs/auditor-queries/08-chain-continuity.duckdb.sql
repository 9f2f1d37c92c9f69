-- 08 Chain continuity per gateway instance: every record's seq must follow the previous one by exactly 1 and
-- its prev_hash must be the previous record's hash. No rows means no gap, duplicate or broken link among the
-- records of these partitions. filename (DuckDB's "$path") is the file holding the record after the break.
-- This reads the records as they are; only the verifier also recomputes hashes and checks signed digests.
WITH ordered AS (
  SELECT chain.instance AS instance,
         chain.seq AS seq,
         chain.prev_hash AS prev_hash,
         lag(chain.seq) OVER (PARTITION BY chain.instance ORDER BY chain.seq) AS previous_seq,
         lag(chain.hash) OVER (PARTITION BY chain.instance ORDER BY chain.seq) AS previous_hash,
         filename AS object
  FROM audit_records
  WHERE dt BETWEEN '2025-03-01' AND '2025-03-02'
)
SELECT instance,
       previous_seq,
       seq,
       CASE WHEN seq = previous_seq THEN 'duplicate'
            WHEN seq > previous_seq + 1 THEN 'gap'
            ELSE 'broken link' END AS finding,
       seq - previous_seq - 1 AS missing,
       object
FROM ordered
WHERE previous_seq IS NOT NULL
  AND (seq <> previous_seq + 1 OR prev_hash <> previous_hash)
ORDER BY instance, seq;
