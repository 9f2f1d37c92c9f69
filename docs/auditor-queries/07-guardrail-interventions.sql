-- 07 Guardrail interventions: prompts flagged or blocked by the gateway, answers withheld, and answers the
-- Bedrock guardrail intervened in, with the finding types (never the matched text: the trail has none).
SELECT record_id,
       times.received AS received,
       tenant,
       model.requested AS model,
       outcome.http_status AS http_status,
       guardrails.input.status AS input_status,
       array_join(transform(guardrails.input.findings, f -> f.type || '/' || f.action), ', ') AS input_findings,
       guardrails.output.status AS output_status,
       guardrails.bedrock.action AS bedrock_action,
       array_join(transform(guardrails.bedrock.findings, f -> f.type || '/' || f.action), ', ') AS bedrock_findings
FROM audit_records
WHERE dt BETWEEN '2025-02-28' AND '2025-03-02'
  AND substr(times.received, 1, 10) BETWEEN '2025-03-01' AND '2025-03-02'
  AND (guardrails.input.status IN ('flagged', 'blocked')
       OR guardrails.output.status = 'blocked'
       OR guardrails.bedrock.action = 'GUARDRAIL_INTERVENED')
ORDER BY received, record_id;
