package io.auditgate.auth;

/** How a caller proved who it is. */
public enum AuthMethod {
    API_KEY, JWT
}
