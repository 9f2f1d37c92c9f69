/**
 * Tenant rate limits and budgets that hold across all instances: a request reserves its estimated tokens and cost on
 * every bucket of its tenant and key together or not at all, and settles its actual use when it ends. The state of a
 * tenant is one value of JDK types ({@link io.auditgate.quota.TenantEntry}'s arithmetic), kept in Payara's data grid
 * ({@link io.auditgate.quota.GridLedger}) or, for tests and the grid-less fallback, on this instance alone
 * ({@link io.auditgate.quota.LocalLedger}).
 */
package io.auditgate.quota;
