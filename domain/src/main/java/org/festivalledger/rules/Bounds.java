package org.festivalledger.rules;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The numbers and instants a request may state. A number is a mark, a weight or a criterion's bound: within a
 * million either way, to at most six decimal places, which covers any scale a jury uses and keeps the standings'
 * arithmetic (and every message that prints a number) small; {@code 1e999999999} is a valid JSON number, but
 * printed in full it would fill the heap. An instant on the festival's calendar (a deadline, a screening, a
 * session) lies between 1900 and 9999: the schedule is laid out in calendar days and written as iCalendar, which
 * has four-digit years.
 */
public final class Bounds {

    public static final BigDecimal MAX_MAGNITUDE = BigDecimal.valueOf(1_000_000);
    public static final int MAX_DECIMALS = 6;
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    /**
     * The most names a list in a request may hold (a team, its AI tools, a session's speakers, a screening's films,
     * a competition's criteria or award categories): generous for any festival, and it keeps one event small.
     */
    public static final int MAX_ITEMS = 100;
    /**
     * The most jurors a round may ask for per entry (and so the most scores it may require): a festival jury is a
     * handful of people; a billion per entry could never be assigned and only makes the assignment loop spin.
     */
    public static final int MAX_JURORS_PER_ENTRY = 100;

    private Bounds() {
    }

    /** Whether {@code number} is one a request may state (compared, never expanded). */
    public static boolean isReasonable(BigDecimal number) {
        return number.abs().compareTo(MAX_MAGNITUDE) <= 0 && number.stripTrailingZeros().scale() <= MAX_DECIMALS;
    }

    /** Whether {@code instant} lies on the festival's calendar. */
    public static boolean isOnTheCalendar(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    static String numberRule() {
        return "must be a number from -" + MAX_MAGNITUDE + " to " + MAX_MAGNITUDE + " with at most " + MAX_DECIMALS
                + " decimal places";
    }

    static String calendarRule() {
        return "must be between " + EARLIEST + " and " + LATEST;
    }
}
