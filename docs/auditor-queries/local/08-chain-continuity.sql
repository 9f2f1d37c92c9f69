-- chain-continuity: gaps, duplicates and broken links in each gateway instance's hash chain.
-- Over the partitions of the days from_day to to_day (a chain is per instance: tenant does not apply). No rows
-- means no gap, duplicate or broken link. This reads the records as they are; only the verifier also
-- recomputes hashes and checks signed digests.
WITH ordered AS (
  SELECT chain.instance AS instance,
         chain.seq AS seq,
         chain.prev_hash AS prev_hash,
         lag(chain.seq) OVER (PARTITION BY chain.instance ORDER BY chain.seq) AS previous_seq,
         lag(chain.hash) OVER (PARTITION BY chain.instance ORDER BY chain.seq) AS previous_hash,
         filename AS object
  FROM audit_records
  WHERE dt BETWEEN CAST(getvariable('from_day') AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
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
