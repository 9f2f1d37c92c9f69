package io.auditgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.quota.Allowance;
import io.auditgate.quota.Demand;
import io.auditgate.quota.Limit;
import io.auditgate.quota.Standing;
import io.auditgate.quota.Verdict;
import io.auditgate.request.Exchange;
import io.auditgate.tenant.ModelPrice;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The IETF draft's two fields, as a metered tenant's answers carry them; nothing for an unmetered tenant. */
class RateLimitHeadersTest {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                if (method.getName().equals("setHeader")) {
                    headers.put((String) args[0], (String) args[1]);
                }
                return null;
            });

    private static Exchange exchange() {
        return Exchange.arrived("invoke", "POST", "/invoke", Exchange.Client.of("127.0.0.1", null, null));
    }

    @Test
    void aMeteredTenantsAnswerSaysEachPolicyAndWhatIsLeftOfIt() {
        var standing = new Standing(List.of(
                new Standing.Remaining(Limit.REQUESTS_PER_MINUTE, 20, 7, 41),
                new Standing.Remaining(Limit.TOKENS_PER_MINUTE, 10_000, 2_500, 41),
                new Standing.Remaining(Limit.COST_USD_PER_DAY, 1_000_000, 10, 3600)));
        var allowance = new Allowance("acme", "r1", "", 10, Demand.NONE, ModelPrice.UNPRICED, false,
                new Verdict(Optional.empty(), 0, standing));

        IdHeaders.set(response, exchange().allowed(allowance));

        assertThat(headers).containsEntry("RateLimit-Policy",
                "\"requests-per-minute\";q=20;w=60, \"tokens-per-minute\";q=10000;w=60;qu=\"tokens\"");
        assertThat(headers).containsEntry("RateLimit",
                "\"requests-per-minute\";r=7;t=41, \"tokens-per-minute\";r=2500;t=41");
    }

    @Test
    void anUnmeteredTenantsAnswerHasNone() {
        IdHeaders.set(response, exchange());

        assertThat(headers).containsKey("X-Request-Id").doesNotContainKeys("RateLimit-Policy", "RateLimit");
    }
}
