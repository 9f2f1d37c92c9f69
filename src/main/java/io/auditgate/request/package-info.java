/**
 * Values that describe one request and are shared by the features that observe it: today the {@link
 * io.auditgate.request.Facts} an audit record cites and the {@link io.auditgate.request.Facts.Source} it reads
 * them from. It depends only on {@code problem}, so {@code audit} and {@code telemetry} both depend on it and
 * not on each other.
 */
package io.auditgate.request;
