package org.festivalledger.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock-out after failed sign-ins, on a clock the test moves. */
class SignInAttemptsTest {

    private final AtomicLong now = new AtomicLong();
    private final SignInAttempts attempts = new SignInAttempts(
            new SignInLimits(2, 4, Duration.ofSeconds(1), Duration.ofSeconds(10)), now::get);

    @Test
    void theFreeFailuresLockNothing() {
        attempts.failed("organiser", "198.51.100.1");
        attempts.failed("organiser", "198.51.100.2");
        assertThat(attempts.lockedOut("organiser", "198.51.100.3")).isEmpty();
    }

    @Test
    void eachFailurePastTheFreeOnesDoublesTheLockOutUpToTheLongest() {
        for (int i = 0; i < 2; i++) {
            attempts.failed("organiser", "198.51.100." + i);
        }
        long[] expectedSeconds = {1, 2, 4, 8, 10, 10};
        for (long seconds : expectedSeconds) {
            attempts.failed("organiser", "198.51.100.9" + seconds);
            assertThat(attempts.lockedOut("organiser", "203.0.113.1")).contains(Duration.ofSeconds(seconds));
            now.addAndGet(Duration.ofSeconds(seconds).toNanos());
            assertThat(attempts.lockedOut("organiser", "203.0.113.1")).as("over after %d s", seconds).isEmpty();
        }
    }

    @Test
    void aClientIsLockedOutForEveryAccountAfterItsFreeFailures() {
        for (int i = 0; i < 5; i++) {
            attempts.failed("nobody-" + i, "2001:db8::/64");
        }
        assertThat(attempts.lockedOut("organiser", "2001:db8::/64")).contains(Duration.ofSeconds(1));
        assertThat(attempts.lockedOut("organiser", "2001:db9::/64")).isEmpty();
    }

    @Test
    void aSuccessClearsTheAccountsFailuresButNotTheClients() {
        for (int i = 0; i < 5; i++) {
            attempts.failed("organiser", "2001:db8::/64");
        }
        attempts.succeeded("organiser");
        assertThat(attempts.lockedOut("organiser", "203.0.113.1")).isEmpty();
        assertThat(attempts.lockedOut("auditor", "2001:db8::/64")).isPresent();
    }

    @Test
    void aQuietAccountStartsAfresh() {
        for (int i = 0; i < 3; i++) {
            attempts.failed("organiser", "198.51.100." + i);
        }
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        attempts.failed("organiser", "198.51.100.7");
        assertThat(attempts.lockedOut("organiser", "198.51.100.8")).isEmpty();
    }
}
