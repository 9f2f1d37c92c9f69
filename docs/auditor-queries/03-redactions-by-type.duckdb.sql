-- 03 Redactions by PII type: what the gateway masked in prompts (input) and answers (output), per tenant.
-- DuckDB's UNNEST keeps each finding as one struct column.
SELECT 'input' AS stage,
       tenant,
       finding.type AS finding_type,
       sum(finding.count) AS occurrences,
       count(*) AS requests
FROM audit_records
CROSS JOIN UNNEST(guardrails.input.findings) AS f (finding)
WHERE dt BETWEEN '2025-02-28' AND '2025-03-02'
  AND substr(times.received, 1, 10) BETWEEN '2025-03-01' AND '2025-03-02'
  AND finding.action = 'MASK'
GROUP BY tenant, finding_type
UNION ALL
SELECT 'output' AS stage,
       tenant,
       finding.type AS finding_type,
       sum(finding.count) AS occurrences,
       count(*) AS requests
FROM audit_records
CROSS JOIN UNNEST(guardrails.output.findings) AS f (finding)
WHERE dt BETWEEN '2025-02-28' AND '2025-03-02'
  AND substr(times.received, 1, 10) BETWEEN '2025-03-01' AND '2025-03-02'
  AND finding.action = 'MASK'
GROUP BY tenant, finding_type
ORDER BY stage, tenant, finding_type;
