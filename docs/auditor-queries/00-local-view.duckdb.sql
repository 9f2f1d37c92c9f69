-- DuckDB (local): the audit_records view over a local audit store, with the columns and types of the Athena
-- table (audit-schema/athena/audit_records.sql; AuditorQueriesTest checks that the two agree).
-- Run it from the store directory (the one holding records/), or SET file_search_path to that directory first:
--   cd /path/to/audit-store && duckdb -init /path/to/docs/auditor-queries/00-local-view.duckdb.sql
-- Timestamps are compared in UTC, as in Athena. filename = true adds the column "filename", DuckDB's
-- counterpart of Athena's hidden "$path" column (the object a row was read from).
SET TimeZone = 'UTC';

CREATE OR REPLACE VIEW audit_records AS
SELECT *
FROM read_json(
  'records/dt=*/hr=*/*.jsonl.gz',
  format = 'newline_delimited',
  compression = 'gzip',
  hive_partitioning = true,
  filename = true,
  hive_types = {'dt': 'VARCHAR', 'hr': 'INTEGER'},
  columns = {
    'schema_version': 'VARCHAR',
    'record_id': 'VARCHAR',
    'times': 'STRUCT(received VARCHAR, model_call_start VARCHAR, model_call_end VARCHAR, completed VARCHAR)',
    'tenant': 'VARCHAR',
    'principal': 'STRUCT("type" VARCHAR, id VARCHAR)',
    'client': 'STRUCT(address VARCHAR, user_agent VARCHAR, request_id VARCHAR)',
    'model': 'STRUCT(requested VARCHAR, resolved VARCHAR)',
    'inference': 'STRUCT(max_tokens INTEGER, temperature DOUBLE, top_p DOUBLE, stop VARCHAR[])',
    'request': 'STRUCT("system" VARCHAR, messages STRUCT("role" VARCHAR, content VARCHAR, '
        || 'tool_calls STRUCT(id VARCHAR, "name" VARCHAR, arguments VARCHAR)[], '
        || 'tool_results STRUCT(tool_call_id VARCHAR, content VARCHAR, error BOOLEAN)[])[], '
        || 'tools VARCHAR[], tool_choice STRUCT("type" VARCHAR, "name" VARCHAR))',
    'response': 'STRUCT("text" VARCHAR, stop_reason VARCHAR, '
        || 'tool_calls STRUCT(id VARCHAR, "name" VARCHAR, arguments VARCHAR)[])',
    'guardrails': 'STRUCT('
        || '"input" STRUCT(status VARCHAR, findings STRUCT("type" VARCHAR, "count" INTEGER, action VARCHAR)[]), '
        || '"output" STRUCT(status VARCHAR, findings STRUCT("type" VARCHAR, "count" INTEGER, action VARCHAR)[]), '
        || 'bedrock STRUCT(action VARCHAR, findings STRUCT("type" VARCHAR, "count" INTEGER, action VARCHAR)[]))',
    'usage': 'STRUCT(input_tokens BIGINT, output_tokens BIGINT, total_tokens BIGINT)',
    'latency_ms': 'STRUCT(total BIGINT, upstream BIGINT)',
    'outcome': 'STRUCT(http_status INTEGER, problem_type VARCHAR, attempts INTEGER)',
    'metadata': 'MAP(VARCHAR, VARCHAR)',
    'gateway': 'STRUCT(instance VARCHAR, version VARCHAR)',
    'policy_sha256': 'VARCHAR',
    'stream': 'STRUCT(ended VARCHAR, chunks INTEGER, first_token_ms BIGINT)',
    'policy_version': 'INTEGER',
    'api': 'STRUCT(surface VARCHAR, ignored_fields VARCHAR[], client_retry_count INTEGER)',
    'quota': 'STRUCT(ledger VARCHAR, estimate STRUCT(tokens BIGINT, weighted_tokens BIGINT, cost_pico_usd BIGINT), '
        || 'refused_by VARCHAR, settled STRUCT(tokens BIGINT, weighted_tokens BIGINT, cost_pico_usd BIGINT))',
    'chain': 'STRUCT(instance VARCHAR, seq BIGINT, prev_hash VARCHAR, "hash" VARCHAR)'
  }
);
