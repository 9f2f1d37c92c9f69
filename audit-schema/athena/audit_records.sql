-- AuditGate audit records as an Athena table (Glue Data Catalog), version 1 of the record:
-- audit-schema/audit-record.v1.schema.json. One row per line of every segment object
--   s3://${bucket}/${prefix}/records/dt=YYYY-MM-DD/hr=HH/<instance>-<firstSeq>-<lastSeq>.jsonl.gz
-- (gzip JSON Lines, see docs/audit-trail.md section 4).
--
-- Placeholders, substituted when the stack is deployed (nothing else in this file is a placeholder):
--   ${bucket}  the audit bucket (Object Lock enabled), e.g. acme-auditgate-audit-123456789012
--   ${prefix}  the audit prefix without leading or trailing '/', e.g. auditgate (must not be empty here)
-- ${dt} and ${hr} in storage.location.template are NOT placeholders of ours: Athena's partition projection
-- fills them at query time. In a CloudFormation Fn::Sub they must be written ${!dt} and ${!hr}; with
-- envsubst name the two variables explicitly: envsubst '${bucket} ${prefix}' < audit_records.sql.
--
-- Columns mirror the JSON Schema member for member (AthenaDdlTest pins this):
--   JSON string -> string, integer -> int or bigint, number -> double, object -> struct<...>,
--   array -> array<...>, the open string map "metadata" -> map<string,string>.
-- Timestamps stay ISO-8601 strings (times.received ...): parse them with from_iso8601_timestamp().
-- Field names that are keywords in HiveQL, Trino or DuckDB are quoted with backticks.
--
-- Partitions: dt is the UTC date and hr the UTC hour of the FIRST record of a segment, so a segment that
-- starts at 23:58 holds records of the next day. Filter on dt (one day wider at the start) for cost, and on
-- times.received for the exact period: see docs/auditor-guide.md.
CREATE EXTERNAL TABLE IF NOT EXISTS audit_records (
  schema_version string,
  record_id string,
  times struct<
    received: string,
    model_call_start: string,
    model_call_end: string,
    completed: string>,
  tenant string,
  principal struct<
    `type`: string,
    id: string>,
  client struct<
    address: string,
    user_agent: string,
    request_id: string>,
  model struct<
    requested: string,
    resolved: string>,
  inference struct<
    max_tokens: int,
    temperature: double,
    top_p: double,
    stop: array<string>>,
  request struct<
    `system`: string,
    messages: array<struct<
      `role`: string,
      content: string,
      tool_calls: array<struct<id: string, name: string, arguments: string>>,
      tool_results: array<struct<tool_call_id: string, content: string, error: boolean>>>>,
    tools: array<string>,
    tool_choice: struct<
      `type`: string,
      name: string>>,
  response struct<
    `text`: string,
    stop_reason: string,
    tool_calls: array<struct<id: string, name: string, arguments: string>>>,
  guardrails struct<
    `input`: struct<
      status: string,
      findings: array<struct<`type`: string, `count`: int, action: string>>>,
    `output`: struct<
      status: string,
      findings: array<struct<`type`: string, `count`: int, action: string>>>,
    bedrock: struct<
      action: string,
      findings: array<struct<`type`: string, `count`: int, action: string>>>>,
  usage struct<
    input_tokens: bigint,
    output_tokens: bigint,
    total_tokens: bigint>,
  latency_ms struct<
    total: bigint,
    upstream: bigint>,
  outcome struct<
    http_status: int,
    problem_type: string,
    attempts: int>,
  metadata map<string,string>,
  gateway struct<
    instance: string,
    version: string>,
  policy_sha256 string,
  stream struct<
    ended: string,
    chunks: int,
    first_token_ms: bigint>,
  policy_version int,
  api struct<
    surface: string,
    ignored_fields: array<string>,
    client_retry_count: int>,
  quota struct<
    ledger: string,
    estimate: struct<tokens: bigint, weighted_tokens: bigint, cost_pico_usd: bigint>,
    refused_by: string,
    settled: struct<tokens: bigint, weighted_tokens: bigint, cost_pico_usd: bigint>>,
  chain struct<
    instance: string,
    seq: bigint,
    prev_hash: string,
    `hash`: string>
)
COMMENT 'AuditGate audit records v1: one row per request, served or refused; text fields hold redacted text only'
PARTITIONED BY (
  dt string COMMENT 'UTC date of the segment''s first record, yyyy-MM-dd',
  hr int COMMENT 'UTC hour of the segment''s first record, 0-23 (key: hr=00..23)'
)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
WITH SERDEPROPERTIES (
  -- a line that is not JSON fails the query instead of becoming a row of nulls
  'ignore.malformed.json' = 'false'
)
STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3://${bucket}/${prefix}/records/'
TBLPROPERTIES (
  'classification' = 'json',
  'compressionType' = 'gzip',
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2025-01-01,NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'projection.hr.type' = 'integer',
  'projection.hr.range' = '0,23',
  'projection.hr.digits' = '2',
  'storage.location.template' = 's3://${bucket}/${prefix}/records/dt=${dt}/hr=${hr}'
);
