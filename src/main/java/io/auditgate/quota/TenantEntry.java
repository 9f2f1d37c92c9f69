package io.auditgate.quota;

import java.util.HashMap;
import java.util.Map;

/**
 * The one arithmetic of a tenant's quota state, shared by every ledger: the state is a {@code HashMap} of
 * {@code long[]} (JDK types only, so any grid member can hold and copy it without the web application's classes).
 * Its entries: {@value #TENANT} and {@value #KEY}{@code <key id>} (a {@link Window} minute and the requests in
 * flight), {@value #PERIODS} (budget counters, {@link Periods}), and one {@value #RESERVATION}{@code <ticket>:<key id>}
 * per request in flight with what it reserved and until when; {@value #REBUILT} once {@link #seed} ran.
 * <p>
 * {@link #reserve} checks every bucket of the tenant and the key and debits all of them or none; {@link #settle}
 * replaces a reservation by the actual use, once: a second settlement, or one after the reservation lapsed, changes
 * nothing. Deterministic for a given {@code now}, so a grid backup that replays an operation reaches the same state.
 */
final class TenantEntry {

    static final String TENANT = "tenant";
    static final String KEY = "key:";
    static final String PERIODS = "periods";
    static final String RESERVATION = "r:";
    /** Present once the entry was seeded from the audit trail: {@code [when, in epoch millis]}. */
    static final String REBUILT = "rebuilt";
    /**
     * The latest time any operation brought ({@code [epoch millis]}): the entry's time never runs backwards. Callers
     * stamp an operation when they send it, so two members' (or one member's, after a hop) operations can reach the
     * owner out of order; a request stamped a second earlier than one already counted would otherwise check a minute
     * that ends before that one and overlook it, and could clear its slot.
     */
    static final String CLOCK = "clock";

    /** A reservation's array. */
    static final int EXPIRES = 0;
    static final int SECOND = 1;
    static final int RESERVED = 2;
    static final int LENGTH = RESERVED + Demand.LENGTH + 2;
    private static final int DAY_INDEX = RESERVED + Demand.LENGTH;
    private static final int MONTH_INDEX = DAY_INDEX + 1;

    private TenantEntry() {
    }

    /** The entry's time for an operation sent at {@code sentMillis}: never earlier than any before it ({@link #CLOCK}). */
    static long monotonic(HashMap<String, long[]> state, long sentMillis) {
        var clock = state.computeIfAbsent(CLOCK, c -> new long[1]);
        clock[0] = Math.max(clock[0], sentMillis);
        return clock[0];
    }

    /** Reserves {@code demand} for {@code ticket}, or refuses and changes nothing but lapsed reservations. */
    static Verdict reserve(HashMap<String, long[]> state, Limits limits, Ticket ticket, long sentMillis) {
        var nowMillis = monotonic(state, sentMillis);
        expire(state, nowMillis);
        var tenant = scope(state, TENANT);
        var key = scope(state, KEY + ticket.key());
        var periods = state.computeIfAbsent(PERIODS, p -> new long[Periods.LENGTH]);
        Periods.roll(periods, nowMillis);
        var refusal = Checks.first(limits, ticket.demand(), tenant, key, periods, nowMillis);
        if (refusal != null) {
            return refusal.withStatus(Checks.status(limits, tenant, key, periods, nowMillis));
        }
        var second = Math.floorDiv(nowMillis, 1000);
        for (var scope : new long[][] {tenant, key}) {
            Window.add(scope, Window.REQUESTS, second, 1);
            Window.add(scope, Window.TOKENS, second, ticket.demand().rateTokens());
            scope[Window.CONCURRENT]++;
        }
        periods[Periods.DAY_TOKENS] += ticket.demand().budgetTokens();
        periods[Periods.MONTH_TOKENS] += ticket.demand().budgetTokens();
        periods[Periods.DAY_COST] += ticket.demand().costPicoUsd();
        periods[Periods.MONTH_COST] += ticket.demand().costPicoUsd();
        var reservation = new long[LENGTH];
        reservation[EXPIRES] = ticket.expiresAtMillis();
        reservation[SECOND] = second;
        System.arraycopy(ticket.demand().toArray(), 0, reservation, RESERVED, Demand.LENGTH);
        reservation[DAY_INDEX] = periods[Periods.DAY];
        reservation[MONTH_INDEX] = periods[Periods.MONTH];
        state.put(RESERVATION + ticket.id() + ":" + ticket.key(), reservation);
        return Verdict.admitted(Checks.status(limits, tenant, key, periods, nowMillis));
    }

    /**
     * Replaces the reservation of {@code ticket} by {@code actual}: refunds the difference or charges the overage on
     * the minute's tokens (while the reservation's second is still in the minute) and the budgets (while its period
     * is current), and ends its request in flight. Whether it did (false: settled before, or lapsed).
     */
    static boolean settle(HashMap<String, long[]> state, String ticketId, String keyId, Demand actual, long sentMillis) {
        var nowMillis = monotonic(state, sentMillis);
        expire(state, nowMillis);
        var reservation = state.remove(RESERVATION + ticketId + ":" + keyId);
        if (reservation == null) {
            return false;
        }
        var reserved = Demand.of(reservation, RESERVED);
        var second = reservation[SECOND];
        for (var name : new String[] {TENANT, KEY + keyId}) {
            var scope = scope(state, name);
            Window.adjust(scope, Window.TOKENS, second, actual.rateTokens() - reserved.rateTokens());
            scope[Window.CONCURRENT] = Math.max(0, scope[Window.CONCURRENT] - 1);
        }
        var periods = state.computeIfAbsent(PERIODS, p -> new long[Periods.LENGTH]);
        var tokens = actual.budgetTokens() - reserved.budgetTokens();
        var cost = actual.costPicoUsd() - reserved.costPicoUsd();
        Periods.adjust(periods, Periods.DAY, reservation[DAY_INDEX], Periods.DAY_TOKENS, tokens);
        Periods.adjust(periods, Periods.DAY, reservation[DAY_INDEX], Periods.DAY_COST, cost);
        Periods.adjust(periods, Periods.MONTH, reservation[MONTH_INDEX], Periods.MONTH_TOKENS, tokens);
        Periods.adjust(periods, Periods.MONTH, reservation[MONTH_INDEX], Periods.MONTH_COST, cost);
        return true;
    }

    /**
     * Seeds the budget counters from the audit trail's sums ({@code spent}, in {@link Periods}' layout) unless the
     * entry was seeded before: each counter of a period that is still current becomes the larger of what the entry
     * holds and what the trail shows, so requests the entry counted since the restart are never counted twice, and
     * the first seed wins. Whether it seeded.
     */
    static boolean seed(HashMap<String, long[]> state, long[] spent, long nowMillis) {
        if (rebuilt(state)) {
            return false;
        }
        var periods = state.computeIfAbsent(PERIODS, p -> new long[Periods.LENGTH]);
        Periods.roll(periods, nowMillis);
        for (var counter : new int[] {Periods.DAY_TOKENS, Periods.DAY_COST}) {
            if (spent[Periods.DAY] == periods[Periods.DAY]) {
                periods[counter] = Math.max(periods[counter], spent[counter]);
            }
        }
        for (var counter : new int[] {Periods.MONTH_TOKENS, Periods.MONTH_COST}) {
            if (spent[Periods.MONTH] == periods[Periods.MONTH]) {
                periods[counter] = Math.max(periods[counter], spent[counter]);
            }
        }
        state.put(REBUILT, new long[] {nowMillis});
        return true;
    }

    /** Whether the entry was seeded from the audit trail since the grid started. */
    static boolean rebuilt(Map<String, long[]> state) {
        return state.containsKey(REBUILT);
    }

    /**
     * Ends the reservations whose expiry passed (their member died or lost them): their requests in flight end, and
     * what they reserved stays charged, as if they used all of it (they may have).
     */
    static void expire(HashMap<String, long[]> state, long nowMillis) {
        var lapsed = state.entrySet().stream()
                .filter(e -> e.getKey().startsWith(RESERVATION) && e.getValue()[EXPIRES] <= nowMillis)
                .map(Map.Entry::getKey).toList();
        for (var name : lapsed) {
            state.remove(name);
            var keyId = name.substring(name.lastIndexOf(':') + 1);
            for (var scope : new String[] {TENANT, KEY + keyId}) {
                var counts = scope(state, scope);
                counts[Window.CONCURRENT] = Math.max(0, counts[Window.CONCURRENT] - 1);
            }
        }
    }

    /** Requests of the tenant in flight now (for tests and the metrics). */
    static long inFlight(Map<String, long[]> state) {
        var tenant = state.get(TENANT);
        return tenant == null ? 0 : tenant[Window.CONCURRENT];
    }

    private static long[] scope(HashMap<String, long[]> state, String name) {
        return state.computeIfAbsent(name, n -> new long[Window.SCOPE_LENGTH]);
    }
}
