/**
 * The published contract: {@code GET /openapi} answers the bytes of {@code openapi/openapi.yaml} as packaged into
 * the WAR, never a re-serialised model, so what clients generate code from is exactly the file the tests check.
 * Its servlet's exact mapping also keeps Payara's own MicroProfile OpenAPI endpoint (and its WADL) out of the web module.
 */
package io.auditgate.contract;
