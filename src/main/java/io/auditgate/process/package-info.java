/**
 * The process around the request path, in one place: the decisions that stop it ({@link io.auditgate.process.Exit})
 * and every background thread it starts ({@link io.auditgate.process.Worker}). Depends on nothing of the gateway,
 * so every feature may use it.
 */
package io.auditgate.process;
