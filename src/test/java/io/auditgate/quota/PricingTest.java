package io.auditgate.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditgate.tenant.ModelPrice;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PricingTest {

    /** 0.00025 and 0.00125 USD per 1,000 tokens, output weighing 5. */
    private static final ModelPrice HAIKU = new ModelPrice(250_000, 1_250_000, 5);

    @Test
    void costIsExactInPicoUsd() {
        var demand = Pricing.demand(HAIKU, 1234, 567);
        assertThat(demand.costPicoUsd()).isEqualTo(1234L * 250_000 + 567L * 1_250_000);
        assertThat(demand.budgetTokens()).isEqualTo(1801);
        assertThat(demand.rateTokens()).isEqualTo(1234 + 567 * 5);
    }

    @Test
    void aMillionRequestsOfOneTokenCostExactlyWhatOneRequestOfAMillionDoes() {
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            sum += Pricing.demand(HAIKU, 1, 0).costPicoUsd();
        }
        assertThat(sum).isEqualTo(Pricing.demand(HAIKU, 1_000_000, 0).costPicoUsd()).isEqualTo(250_000_000_000L);
    }

    @Test
    void inputIsEstimatedAsUtf8BytesOverThreeRoundedUp() {
        for (var text : new String[] {"", "a", "abcd", "héllo wörld", "日本語のテキスト", "emoji 😀 here"}) {
            var bytes = text.getBytes(StandardCharsets.UTF_8).length;
            assertThat(Pricing.estimatedTokens(text)).as(text).isEqualTo((bytes + 2) / 3);
        }
    }

    @Test
    void anOverflowingDemandFailsInsteadOfWrapping() {
        assertThatThrownBy(() -> Pricing.demand(new ModelPrice(Long.MAX_VALUE / 2, 0, 1), 3, 0))
                .isInstanceOf(ArithmeticException.class);
    }
}
