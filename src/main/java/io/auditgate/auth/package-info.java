/**
 * Who is calling: credentials (an API key or an OIDC JWT bearer token) against one snapshot of the tenants policy.
 * Every failed authentication is the same empty answer, so the caller learns nothing about which check failed; a
 * {@link io.auditgate.auth.Caller} carries the policy snapshot that governs the rest of its request.
 */
package io.auditgate.auth;
