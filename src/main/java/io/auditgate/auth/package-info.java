/**
 * Who is calling: the tenants policy file (validated against {@code tenants.schema.json}, reloaded without a
 * restart), API keys stored only as SHA-256 hashes, and OIDC JWT bearer tokens. Every failed authentication is
 * the same empty answer, so the caller learns nothing about which check failed; a {@link io.auditgate.auth.Caller}
 * carries what the tenant may do.
 */
package io.auditgate.auth;
