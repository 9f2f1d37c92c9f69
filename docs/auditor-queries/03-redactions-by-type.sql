-- 03 Redactions by PII type: what the gateway masked in prompts (input) and answers (output), per tenant.
-- Trino's UNNEST turns each finding struct into three columns (type, count, action, in DDL order).
SELECT 'input' AS stage,
       tenant,
       finding_type,
       sum(finding_count) AS occurrences,
       count(*) AS requests
FROM audit_records
CROSS JOIN UNNEST(guardrails.input.findings) AS f (finding_type, finding_count, finding_action)
WHERE dt BETWEEN '2025-02-28' AND '2025-03-02'
  AND substr(times.received, 1, 10) BETWEEN '2025-03-01' AND '2025-03-02'
  AND finding_action = 'MASK'
GROUP BY tenant, finding_type
UNION ALL
SELECT 'output' AS stage,
       tenant,
       finding_type,
       sum(finding_count) AS occurrences,
       count(*) AS requests
FROM audit_records
CROSS JOIN UNNEST(guardrails.output.findings) AS f (finding_type, finding_count, finding_action)
WHERE dt BETWEEN '2025-02-28' AND '2025-03-02'
  AND substr(times.received, 1, 10) BETWEEN '2025-03-01' AND '2025-03-02'
  AND finding_action = 'MASK'
GROUP BY tenant, finding_type
ORDER BY stage, tenant, finding_type;
