-- AuditGate signed digests as an Athena table, version 1 of the digest: audit-schema/digest.v1.schema.json.
-- One row per digest object s3://${bucket}/${prefix}/digests/dt=YYYY-MM-DD/<instance>-<time>-<digestSeq>.json
-- (one JSON object on one line, not compressed; see docs/audit-trail.md section 5).
--
-- Placeholders as in audit_records.sql: ${bucket} and ${prefix} are substituted at deployment; ${dt} is
-- filled by partition projection (write ${!dt} inside a CloudFormation Fn::Sub).
--
-- This table lets an auditor see which segments an instance has signed for. It does NOT check signatures or
-- hashes: that is what target/auditgate-verifier.jar is for.
CREATE EXTERNAL TABLE IF NOT EXISTS audit_digests (
  digest_version string,
  instance string,
  digest_seq bigint,
  digest_start string,
  digest_end string,
  segments array<struct<
    `key`: string,
    sha256: string,
    first_seq: bigint,
    last_seq: bigint,
    records: bigint,
    oldest: string,
    newest: string>>,
  previous struct<
    `key`: string,
    sha256: string,
    signature: string>,
  chain_end struct<
    last_seq: bigint>,
  public_key_sha256 string,
  signature_algorithm string,
  signature string
)
COMMENT 'AuditGate signed digests v1: which segments each instance shipped, chained and signed'
PARTITIONED BY (
  dt string COMMENT 'UTC date of digest_end, yyyy-MM-dd'
)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
WITH SERDEPROPERTIES (
  'ignore.malformed.json' = 'false'
)
STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3://${bucket}/${prefix}/digests/'
TBLPROPERTIES (
  'classification' = 'json',
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2025-01-01,NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'storage.location.template' = 's3://${bucket}/${prefix}/digests/dt=${dt}'
);
