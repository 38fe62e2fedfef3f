package org.festivalledger.programme;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.programme.ProgrammeHistory.COMPETITION;
import static org.festivalledger.programme.ProgrammeHistory.HALL;
import static org.festivalledger.programme.ProgrammeHistory.STUDIO;
import static org.festivalledger.programme.ProgrammeHistory.aProgramme;
import static org.festivalledger.programme.ProgrammeHistory.at;

/**
 * A programme is snapshotted as JSON (field access, as the application's Axon mapper is set up) once its stream
 * grows; read back, it must hold the same venues and bookings, in the same order, or its rules would change.
 */
class ProgrammeSnapshotTest {

    private static final ObjectMapper AXON_LIKE = new ObjectMapper().findAndRegisterModules()
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aProgrammeReadsBackFromItsSnapshotUnchanged() throws Exception {
        Programme programme = new Programme();
        List<Object> history = aProgramme()
                .withScreening("s1", HALL, "10:00", "10:42")
                .withSession("talk-1", STUDIO, "09:00", "10:00", "Hana Sato", "Jia Zhangke")
                .withScreening("s2", HALL, "12:00", "12:42").withCancelledScreening("s2")
                .events();
        history.forEach(event -> apply(programme, event));
        apply(programme, new ForumSessionRescheduled(COMPETITION, "talk-1", HALL, at("11:00"), at("11:45"), 1, null));

        String json = AXON_LIKE.writeValueAsString(programme);
        Programme restored = AXON_LIKE.readValue(json, Programme.class);

        assertThat(restored).usingRecursiveComparison().isEqualTo(programme);
        assertThat(AXON_LIKE.writeValueAsString(restored)).isEqualTo(json);
        assertThat(json).contains("\"venueFreeAt\":\"2026-04-20T12:00:00Z\"");
    }

    private static void apply(Programme programme, Object event) {
        if (event instanceof ProgrammeEstablished e) {
            programme.on(e);
        } else if (event instanceof VenueAdded e) {
            programme.on(e);
        } else if (event instanceof ScreeningScheduled e) {
            programme.on(e);
        } else if (event instanceof ScreeningCancelled e) {
            programme.on(e);
        } else if (event instanceof ForumSessionScheduled e) {
            programme.on(e);
        } else if (event instanceof ForumSessionRescheduled e) {
            programme.on(e);
        } else {
            throw new IllegalArgumentException("no handler in this test for " + event);
        }
    }
}
