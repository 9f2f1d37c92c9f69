/**
 * The tenants policy: which tenants exist, their API keys (as SHA-256 hashes only), the models each may use, its
 * limits and guardrail profile; loaded from {@code tenants.schema.json}-valid JSON, fingerprinted, and reloaded
 * without a restart. {@link io.auditgate.tenant.TenantsPolicy} is one immutable version: a request takes one snapshot
 * of it when it is authenticated and is governed by that version to its end.
 */
package io.auditgate.tenant;
