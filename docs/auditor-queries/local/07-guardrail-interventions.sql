-- guardrail-interventions: prompts flagged or blocked, answers withheld, answers the Bedrock guardrail intervened in.
-- Days from_day to to_day (UTC, inclusive) of receipt; only tenant's if set.
SELECT record_id,
       times.received AS received,
       tenant,
       model.requested AS model,
       outcome.http_status AS http_status,
       guardrails.input.status AS input_status,
       array_to_string(list_transform(guardrails.input.findings, lambda f: f.type || '/' || f.action), ', ')
           AS input_findings,
       guardrails.output.status AS output_status,
       guardrails.bedrock.action AS bedrock_action,
       array_to_string(list_transform(guardrails.bedrock.findings, lambda f: f.type || '/' || f.action), ', ')
           AS bedrock_findings
FROM audit_records
WHERE dt BETWEEN CAST(CAST(getvariable('from_day') AS DATE) - 1 AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND substr(times.received, 1, 10) BETWEEN CAST(getvariable('from_day') AS VARCHAR) AND CAST(getvariable('to_day') AS VARCHAR)
  AND (getvariable('tenant') IS NULL OR tenant = getvariable('tenant'))
  AND (guardrails.input.status IN ('flagged', 'blocked')
       OR guardrails.output.status = 'blocked'
       OR guardrails.bedrock.action = 'GUARDRAIL_INTERVENED')
ORDER BY received, record_id;
