/**
 * What the HTTP endpoints ({@code invoke}, {@code openai}) share and neither owns: reading a JSON body within the
 * limits (415, 413, 408, 400), typed field reads that collect every error, and writing a body or an event stream
 * without blocking. It knows no endpoint's wire format and no endpoint depends on another through it.
 */
package io.auditgate.http;
