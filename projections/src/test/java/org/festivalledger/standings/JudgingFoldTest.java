package org.festivalledger.standings;

import org.festivalledger.judging.JudgingEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The judging's events are folded in one place ({@link JudgingRecord#apply}): an event type added to the domain
 * but not to the fold must fail here, not silently leave the board, time travel and the verifier behind.
 */
class JudgingFoldTest {

    @Test
    void everyJudgingEventTypeIsFolded() {
        assertThat(JudgingEvent.TYPES).allSatisfy(type -> {
            JudgingEvent event = (JudgingEvent) anyInstanceOf(type);
            assertThatCode(() -> new JudgingRecord("c").apply(event, 1)).as(type.getSimpleName())
                    .doesNotThrowAnyException();
        });
    }

    /** The guard the test above relies on: a judging event the fold does not know is refused, not ignored. */
    @Test
    void aJudgingEventTheFoldDoesNotKnowIsRefused() {
        record Unfolded(String competitionId) implements JudgingEvent {
        }

        assertThatThrownBy(() -> new JudgingRecord("c").apply(new Unfolded("c"), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Unfolded");
    }

    /** A record with every component set to a plain value of its type (nested records built the same way). */
    private static Object anyInstanceOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(components).map(component -> valueOf(component.getType(),
                component.getGenericType())).toArray();
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName(), e);
        }
    }

    private static Object valueOf(Class<?> type, Type generic) {
        if (type == String.class) {
            return "x";
        } else if (type == int.class || type == Integer.class) {
            return 1;
        } else if (type == long.class || type == Long.class) {
            return 1L;
        } else if (type == boolean.class || type == Boolean.class) {
            return false;
        } else if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        } else if (type == Instant.class) {
            return Instant.EPOCH;
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return element instanceof Class<?> elementType && elementType.isRecord()
                    ? List.of(anyInstanceOf(elementType)) : List.of();
        } else if (type == Map.class) {
            return Map.of();
        } else if (type == Set.class) {
            return Set.of();
        } else if (type.isRecord()) {
            return anyInstanceOf(type);
        }
        throw new IllegalStateException("no plain value of " + type);
    }
}
