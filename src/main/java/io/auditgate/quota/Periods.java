package io.auditgate.quota;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A tenant's budgets' counters for the current UTC day and calendar month, in a {@code long[]}: each counter pair
 * starts again at zero when its period changes. A settlement that arrives after its period ended changes nothing
 * (the period's budget is closed).
 */
final class Periods {

    static final int DAY = 0;
    static final int DAY_TOKENS = 1;
    static final int DAY_COST = 2;
    static final int MONTH = 3;
    static final int MONTH_TOKENS = 4;
    static final int MONTH_COST = 5;
    static final int LENGTH = 6;

    private Periods() {
    }

    static long day(long nowMillis) {
        return Math.floorDiv(nowMillis, 86_400_000L);
    }

    static long month(long nowMillis) {
        var date = LocalDate.ofEpochDay(day(nowMillis));
        return date.getYear() * 12L + date.getMonthValue() - 1;
    }

    /** Starts the counters of a period that changed since they were last touched. */
    static void roll(long[] periods, long nowMillis) {
        if (periods[DAY] != day(nowMillis)) {
            periods[DAY] = day(nowMillis);
            periods[DAY_TOKENS] = 0;
            periods[DAY_COST] = 0;
        }
        if (periods[MONTH] != month(nowMillis)) {
            periods[MONTH] = month(nowMillis);
            periods[MONTH_TOKENS] = 0;
            periods[MONTH_COST] = 0;
        }
    }

    static long secondsToDayEnd(long nowMillis) {
        return ceilSeconds((day(nowMillis) + 1) * 86_400_000L - nowMillis);
    }

    static long secondsToMonthEnd(long nowMillis) {
        var date = LocalDate.ofEpochDay(day(nowMillis)).withDayOfMonth(1).plusMonths(1);
        var end = date.atStartOfDay().toInstant(ZoneOffset.UTC);
        return ceilSeconds(end.toEpochMilli() - nowMillis);
    }

    /** Adds {@code delta} to the counter if the period {@code index} is still current; never below zero. */
    static void adjust(long[] periods, int period, long index, int counter, long delta) {
        if (periods[period] == index) {
            periods[counter] = Math.max(0, periods[counter] + delta);
        }
    }

    static long ceilSeconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
