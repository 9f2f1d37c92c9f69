/**
 * Budgets that survive a restart of every instance: the data grid keeps tenants' spending in memory only, so at start
 * an instance that finds it lost rebuilds the current UTC day's and month's spending from the audit trail (every
 * admitted request's record carries {@code quota.settled}) and seeds the ledgers with it before budgeted tenants are
 * admitted. Off the request path, on one background thread.
 */
package io.auditgate.spending;
