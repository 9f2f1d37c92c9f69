package io.auditgate.it;

/** The test-only credentials of {@code src/test/resources/it/tenants.json}. */
final class ItTenants {

    static final String ACME = "ag_a1c2e3f4_Y1D49jOyr64OqLF0IjcQqFCcf826f3a275cuWD-tTxY";
    static final String ACME_EXPIRED = "ag_a1c2e3f5_nCHPi3Cn-PN5aqLv72Ft6_u201TuSI5zbmLvchVvtBs";
    static final String ACME_REVOKED = "ag_a1c2e3f6_XAWdmwSIVXpHb_coFSro7H4BGdxl-LqMPtM3rRwxwP4";
    static final String BETA = "ag_b2e7a001_5VN-S0jKpqmdA_b3EyLLAQFhEw9xuFmY3Tetm2q64Rc";
    static final String GAMMA = "ag_c0ffee01_ePClU0vMU6XTAepyr5GpkrcZYWeEWPkELUDx_1dXuSg";

    /** Tenant paced: requests_per_minute 2 (GatewayIT's rate-limited case). */
    static final String PACED = "ag_9ace0001_4L2RSfOc6uR6c4hmrUyxV2TyaWxn_NFkWg9azBm8EgY";
    /** Tenant budgeted: tokens_per_day 100 (GatewayIT's budget-exhausted case). */
    static final String BUDGETED = "ag_9ace0002_AiBjiPDv3MuQNuCGBNbSEky8t3KQAQm6VFTDjSwBkrQ";

    /** Tenant metered: limits far above what tests send (GatewayIT's RateLimit headers on streams). */
    static final String METERED = "ag_9ace0003_lAS9X7wruNNUaTNE6VVNw_kLjrd0w-5PKqltFUnnx9w";

    static final String ACME_MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    static final String BETA_MODEL = "amazon.titan-text-lite-v1";
    static final String GAMMA_MODEL = "meta.llama3-70b-instruct-v1:0";

    static final String JWT_ISSUER = "https://issuer.auditgate.test";
    static final String JWT_AUDIENCE = "auditgate";

    private ItTenants() {
    }
}
