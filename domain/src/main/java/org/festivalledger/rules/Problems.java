package org.festivalledger.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found while reading one request, collected so that a client learns about all of them
 * in one answer instead of fixing them one round trip at a time.
 */
public final class Problems {

    private final List<InvalidInput.FieldError> found = new ArrayList<>();

    /** Records a problem with {@code field} unless the condition {@code holds}. */
    public Problems check(boolean holds, String field, String message) {
        if (!holds) {
            found.add(new InvalidInput.FieldError(field, message));
        }
        return this;
    }

    /** Records a problem if {@code text} is missing or shows nothing ({@link TextKind#isBlank}). */
    public Problems requireText(String text, String field) {
        return check(!TextKind.isBlank(text), field, "must not be blank");
    }

    /** Records a problem if {@code text} (when given) is too long or holds characters the ledger refuses. */
    public Problems limitText(String text, String field, TextKind kind) {
        String problem = kind.problemWith(text);
        return check(problem == null, field, problem);
    }

    /** {@link #limitText} for every element of {@code texts}, each named {@code field[i]}. */
    public Problems limitTexts(List<String> texts, String field, TextKind kind) {
        if (texts != null) {
            for (int i = 0; i < texts.size(); i++) {
                limitText(texts.get(i), field + "[" + i + "]", kind);
            }
        }
        return this;
    }

    /** Records a problem if {@code items} (when given) holds more than {@code max} elements. */
    public Problems limitCount(List<?> items, String field, int max) {
        return check(items == null || items.size() <= max, field, "must hold at most " + max + " items");
    }

    /** Records a problem if {@code number} (when given) is out of {@link Bounds}. */
    public Problems limitNumber(BigDecimal number, String field) {
        return check(number == null || Bounds.isReasonable(number), field, Bounds.numberRule());
    }

    /** Records a problem if {@code instant} (when given) is not on the festival's calendar ({@link Bounds}). */
    public Problems limitTime(Instant instant, String field) {
        return check(instant == null || Bounds.isOnTheCalendar(instant), field, Bounds.calendarRule());
    }

    /** Records a problem if {@code value} is missing. */
    public Problems requirePresent(Object value, String field) {
        return check(value != null, field, "is required");
    }

    public boolean any() {
        return !found.isEmpty();
    }

    public List<InvalidInput.FieldError> list() {
        return List.copyOf(found);
    }

    /** Refuses the request with every problem found, if there is one. */
    public void throwIfAny() {
        if (any()) {
            throw new InvalidInput(found);
        }
    }
}
