package org.festivalledger.standings;

import org.festivalledger.jury.JurorAccessIssued;
import org.festivalledger.jury.JurorAccessRevoked;
import org.festivalledger.jury.JurorAppointed;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A juror's access folded from events: which credential signs them in, and until when. */
class JurorCredentialsOnTheBoardTest {

    private static final String C = "aigc";
    private static final Instant EXPIRES = Instant.parse("2027-04-30T00:00:00Z");
    private static final Instant BEFORE = EXPIRES.minusSeconds(1);

    @Test
    void theTokenSignsInToTheApiAndTheLinkToThePagesNeverTheOtherWayRound() {
        JudgingRecord record = new JudgingRecord(C);
        record.apply(new JurorAppointed(C, "j1", "Juror One", "token-1"), 1);
        record.apply(new JurorAccessIssued(C, "j1", 1, "token-1", "link-1", EXPIRES), 2);

        JurorAccess access = record.access("j1").orElseThrow();
        assertThat(access.version()).isEqualTo(1);
        assertThat(access.acceptsToken("token-1")).isTrue();
        assertThat(access.acceptsLink("link-1", BEFORE)).isTrue();
        assertThat(access.acceptsToken("link-1")).isFalse();
        assertThat(access.acceptsLink("token-1", BEFORE)).isFalse();
    }

    @Test
    void aLinkStopsAtItsExpiryWhileTheTokenGoesOn() {
        JudgingRecord record = new JudgingRecord(C);
        record.apply(new JurorAccessIssued(C, "j1", 1, "token-1", "link-1", EXPIRES), 1);

        assertThat(record.access("j1").orElseThrow().acceptsLink("link-1", EXPIRES)).isFalse();
        assertThat(record.access("j1").orElseThrow().acceptsToken("token-1")).isTrue();
    }

    @Test
    void aReissueReplacesBothCredentialsAndARevocationEndsThem() {
        JudgingRecord record = new JudgingRecord(C);
        record.apply(new JurorAccessIssued(C, "j1", 1, "token-1", "link-1", EXPIRES), 1);
        record.apply(new JurorAccessIssued(C, "j1", 2, "token-2", "link-2", EXPIRES), 2);
        assertThat(record.access("j1").orElseThrow().acceptsToken("token-1")).isFalse();
        assertThat(record.access("j1").orElseThrow().acceptsLink("link-1", BEFORE)).isFalse();
        assertThat(record.access("j1").orElseThrow().acceptsToken("token-2")).isTrue();

        record.apply(new JurorAccessRevoked(C, "j1", 3, "stolen"), 3);
        assertThat(record.access("j1").orElseThrow().revoked()).isTrue();
        assertThat(record.access("j1").orElseThrow().version()).isEqualTo(3);
        assertThat(record.access("j1").orElseThrow().acceptsToken("token-2")).isFalse();
        assertThat(record.access("j1").orElseThrow().acceptsLink("link-2", BEFORE)).isFalse();
    }

    @Test
    void aJurorAppointedBeforeVersionedAccessKeepsTheirTokenAndHasNoLink() {
        JudgingRecord record = new JudgingRecord(C);
        record.apply(new JurorAppointed(C, "j1", "Juror One", "token-0"), 1);

        assertThat(record.access("j1").orElseThrow().version()).isZero();
        assertThat(record.access("j1").orElseThrow().acceptsToken("token-0")).isTrue();
        assertThat(record.access("j1").orElseThrow().acceptsLink("token-0", BEFORE)).isFalse();
    }
}
