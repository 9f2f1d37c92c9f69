package io.auditgate.spending;

import io.auditgate.audit.AuditLifecycle;
import io.auditgate.process.Worker;
import io.auditgate.quota.Quotas;
import io.auditgate.quota.Spent;
import io.auditgate.tenant.Tenant;
import io.auditgate.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start-up, on its own thread: if any budgeted tenant's ledger entry was never seeded from the audit trail (every
 * instance restarted, or this is the first), ships this instance's journal, sums the current month's
 * {@code quota.settled} from the store ({@link TrailSpending}) and seeds the ledgers ({@link Quotas#seed}); an entry
 * another instance seeded first wins. Until then budgeted tenants wait (up to {@code quota.grid-timeout}) or are
 * treated as if the grid were unavailable, and {@code /health/ready} is DOWN. A failed attempt is retried every
 * {@link #RETRY}.
 */
@ApplicationScoped
public class BudgetRebuild {

    private static final Logger LOG = Logger.getLogger(BudgetRebuild.class.getName());
    static final Duration RETRY = Duration.ofSeconds(10);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);
    private static final Executor SAME_THREAD = Runnable::run;

    @Inject
    Quotas quotas;

    @Inject
    Tenants tenants;

    @Inject
    AuditLifecycle audit;

    @Inject
    @ConfigProperty(name = "quota.rebuild", defaultValue = "true")
    boolean enabled;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (enabled) {
            Worker.BUDGET_REBUILD.start(this::rebuildUntilDone);
        }
    }

    private void rebuildUntilDone() {
        while (true) {
            try {
                rebuild();
                return;
            } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
                LOG.warning(() -> "Budget rebuild from the audit trail failed (" + e.getClass().getSimpleName()
                        + "); budgeted tenants wait, retry in " + RETRY.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void rebuild() throws IOException, ExecutionException, TimeoutException, InterruptedException {
        var budgeted = tenants.current().tenants().stream().filter(t -> t.budgets().any()).map(Tenant::id).toList();
        if (budgeted.isEmpty() || !await(quotas.needsRebuild(budgeted, SAME_THREAD))) {
            quotas.spendingKnown();
            LOG.info(() -> "Budget rebuild not needed: " + (budgeted.isEmpty() ? "no tenant has budgets"
                    : "the ledger kept every budgeted tenant's spending"));
            return;
        }
        long started = System.nanoTime();
        var trail = await(audit.shipped());
        var today = LocalDate.now(Clock.systemUTC());
        var tally = TrailSpending.of(trail.store(), trail.prefix(), today);
        var seeds = new HashMap<>(tally.spent());
        budgeted.forEach(id -> seeds.putIfAbsent(id, Spent.none(today)));
        await(quotas.seed(seeds, SAME_THREAD));
        LOG.info(() -> "Budgets rebuilt from the audit trail: " + tally.records() + " settled records in "
                + tally.segments() + " segments of " + today.getMonth() + " (" + tally.skippedSegments()
                + " unreadable) for " + tally.spent().size() + " tenants, in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    }

    private static <T> T await(CompletableFuture<T> future) throws ExecutionException, TimeoutException,
            InterruptedException {
        return future.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
