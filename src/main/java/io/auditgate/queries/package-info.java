/**
 * The auditor queries on a local audit store, without AWS: {@code target/auditgate-queries.jar} opens the store's
 * gzip JSON Lines segments in an in-memory DuckDB (read only, nothing imported or changed), creates the
 * {@code audit_records} view of {@code docs/auditor-queries/00-local-view.duckdb.sql} and runs one query of
 * {@code docs/auditor-queries/local/} with the tenant and period given as parameters. A tool, not the server: its
 * own jar, never in the WAR.
 */
package io.auditgate.queries;
