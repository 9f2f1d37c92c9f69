package io.auditgate.guardrail.pii;

/**
 * The kinds of personal data and secrets the detector finds. Names follow Amazon Bedrock Guardrails' PII entity
 * types where one exists; {@link #PRIVATE_KEY} and {@link #BEARER_TOKEN} (which covers JWTs) are AuditGate's own.
 */
public enum PiiType {
    EMAIL,
    PHONE,
    CREDIT_DEBIT_CARD_NUMBER,
    US_SOCIAL_SECURITY_NUMBER,
    INTERNATIONAL_BANK_ACCOUNT_NUMBER,
    US_BANK_ROUTING_NUMBER,
    UK_NATIONAL_INSURANCE_NUMBER,
    UK_NATIONAL_HEALTH_SERVICE_NUMBER,
    IP_ADDRESS,
    MAC_ADDRESS,
    AWS_ACCESS_KEY,
    AWS_SECRET_KEY,
    PRIVATE_KEY,
    BEARER_TOKEN
}
