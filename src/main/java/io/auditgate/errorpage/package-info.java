/**
 * The container's error page: whatever the container answers by itself (an unknown or forbidden path, a status it
 * sets, an exception that escapes a servlet) gets the error shape of the API its path belongs to, OpenAI's error
 * object under {@code /v1} and a problem document elsewhere, and its audit record and request log line. It knows
 * both endpoints' error shapes ({@code problem}) but no endpoint; nothing depends on it.
 */
package io.auditgate.errorpage;
