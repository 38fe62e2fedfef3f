package org.festivalledger.judging;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.festivalledger.jury.IssueJurorAccess;
import org.festivalledger.jury.JurorAccessAlreadyRevoked;
import org.festivalledger.jury.JurorAccessIssued;
import org.festivalledger.jury.JurorAccessRevoked;
import org.festivalledger.jury.RevokeJurorAccess;
import org.festivalledger.jury.UnknownJuror;
import org.festivalledger.submission.ReasonRequired;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.festivalledger.judging.JudgingHistory.COMPETITION;
import static org.festivalledger.judging.JudgingHistory.aJudging;
import static org.festivalledger.rules.Refusals.invalidFields;

/** A juror's access: reissued (every earlier credential replaced) and revoked, each a versioned event. */
class JurorAccessTest {

    private static final String JUROR = "juror-1";
    private static final Instant EXPIRES = Instant.parse("2027-04-30T00:00:00Z");

    private FixtureConfiguration<Judging> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Judging.class);
    }

    private JudgingHistory appointedWithAccess() {
        return aJudging().withJurors(JUROR)
                .with(new JurorAccessIssued(COMPETITION, JUROR, 1, "token-1", "link-1", EXPIRES));
    }

    @Test
    void reissuedAccessReplacesTheEarlierOneWithTheNextVersion() {
        fixture.given(appointedWithAccess().events())
               .when(new IssueJurorAccess(COMPETITION, JUROR, "token-2", "link-2", EXPIRES))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new JurorAccessIssued(COMPETITION, JUROR, 2, "token-2", "link-2", EXPIRES));
    }

    @Test
    void aJurorAppointedBeforeAccessWasVersionedGetsVersionOne() {
        fixture.given(aJudging().withJurors(JUROR).events())
               .when(new IssueJurorAccess(COMPETITION, JUROR, "token-1", "link-1", EXPIRES))
               .expectEvents(new JurorAccessIssued(COMPETITION, JUROR, 1, "token-1", "link-1", EXPIRES));
    }

    @Test
    void accessIsIssuedOnlyToAnAppointedJuror() {
        fixture.given(appointedWithAccess().events())
               .when(new IssueJurorAccess(COMPETITION, "juror-9", "token-2", "link-2", EXPIRES))
               .expectException(UnknownJuror.class)
               .expectNoEvents();
    }

    @Test
    void issuedAccessNeedsATokenHashALinkHashAndAnExpiry() {
        fixture.given(appointedWithAccess().events())
               .when(new IssueJurorAccess(COMPETITION, JUROR, "", null, null))
               .expectException(invalidFields("tokenHash", "linkHash", "linkExpiresAt"))
               .expectNoEvents();
    }

    @Test
    void revocationEndsEveryCredentialWithTheNextVersion() {
        fixture.given(appointedWithAccess().events())
               .when(new RevokeJurorAccess(COMPETITION, JUROR, "laptop stolen"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new JurorAccessRevoked(COMPETITION, JUROR, 2, "laptop stolen"));
    }

    @Test
    void aRevocationNeedsAReason() {
        fixture.given(appointedWithAccess().events())
               .when(new RevokeJurorAccess(COMPETITION, JUROR, " "))
               .expectException(ReasonRequired.class)
               .expectNoEvents();
    }

    @Test
    void onlyAnAppointedJurorsAccessIsRevoked() {
        fixture.given(appointedWithAccess().events())
               .when(new RevokeJurorAccess(COMPETITION, "juror-9", "unknown"))
               .expectException(UnknownJuror.class)
               .expectNoEvents();
    }

    @Test
    void revokedAccessIsNotRevokedAgain() {
        fixture.given(appointedWithAccess().with(new JurorAccessRevoked(COMPETITION, JUROR, 2, "stolen")).events())
               .when(new RevokeJurorAccess(COMPETITION, JUROR, "again"))
               .expectException(JurorAccessAlreadyRevoked.class)
               .expectNoEvents();
    }

    @Test
    void accessIssuedAfterARevocationRestoresIt() {
        fixture.given(appointedWithAccess().with(new JurorAccessRevoked(COMPETITION, JUROR, 2, "stolen")).events())
               .when(new IssueJurorAccess(COMPETITION, JUROR, "token-3", "link-3", EXPIRES))
               .expectEvents(new JurorAccessIssued(COMPETITION, JUROR, 3, "token-3", "link-3", EXPIRES));
    }
}
