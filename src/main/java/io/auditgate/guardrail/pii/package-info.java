/**
 * Finds personal data and secrets in prompt and completion text, and masks them before anything leaves the gateway.
 * Regular expressions only propose candidates; checksums, Apache Commons Validator and libphonenumber decide.
 * Offsets always refer to the caller's original text, even though scanning runs on a copy normalised to what a model
 * reads (digits of every script as ASCII, invisible characters dropped, NFKC), and
 * nothing here ever returns or logs a detected value except inside the masked model text the caller asked for.
 */
package io.auditgate.guardrail.pii;
