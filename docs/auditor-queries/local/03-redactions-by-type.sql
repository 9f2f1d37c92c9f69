-- redactions-by-type: what the gateway masked in prompts (input) and answers (output), per tenant and PII type.
-- Days from_day to to_day (UTC, inclusive) of receipt; only tenant's if set.
SELECT 'input' AS stage,
       tenant,
       finding.type AS finding_type,
       sum(finding.count) AS occurrences,
       count(*) AS requests
FROM audit_records
CROSS JOIN UNNEST(guardrails.input.findings) AS f (finding)
WHERE dt BETWEEN CAST(CAST(getvariable('from_day') AS DATE) - 1 AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND substr(times.received, 1, 10) BETWEEN CAST(getvariable('from_day') AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND (getvariable('tenant') IS NULL OR tenant = getvariable('tenant'))
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
WHERE dt BETWEEN CAST(CAST(getvariable('from_day') AS DATE) - 1 AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND substr(times.received, 1, 10) BETWEEN CAST(getvariable('from_day') AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND (getvariable('tenant') IS NULL OR tenant = getvariable('tenant'))
  AND finding.action = 'MASK'
GROUP BY tenant, finding_type
ORDER BY stage, tenant, finding_type;
