package org.festivalledger.entrant;

import org.festivalledger.LedgerTestApplication;
import org.festivalledger.language.PageLanguage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox: a notification is queued once under its id however often its event is handled; a failed attempt is
 * recorded and retried later (this application has no mail server: every attempt fails); an erased entrant's
 * notification is dropped, never sent.
 */
class EntrantOutboxTest extends LedgerTestApplication {

    @Autowired
    EntrantOutbox outbox;

    @Autowired
    EntrantDirectory directory;

    @Test
    void aNotificationIsQueuedOnceAndAFailedAttemptIsRecordedAndRetriedLater() throws Exception {
        String entrant = directory.enrol("outbox-" + UUID.randomUUID() + "@example.org", PageLanguage.ENGLISH).id();
        String id = "received:event-" + UUID.randomUUID() + ":" + entrant;

        assertThat(outbox.queue(id, entrant, EntrantOutbox.Kind.RECEIVED, "c", "Competition", "s", "Film", null, 7))
                .isTrue();
        assertThat(outbox.queue(id, entrant, EntrantOutbox.Kind.RECEIVED, "c", "Competition", "s", "Film", null, 7))
                .as("the same event handled again queues nothing").isFalse();

        EntrantOutbox.Notification failed = await(id, n -> n.attempts() >= 1);
        assertThat(failed.status()).isEqualTo(EntrantOutbox.Status.PENDING);
        assertThat(failed.outcomes().get(failed.outcomes().size() - 1).outcome())
                .startsWith("failed (attempt 1)").contains("no mail server").contains("retried after 5 s");
        assertThat(failed.outcomes().toString()).doesNotContain("@example.org");
    }

    @Test
    void anErasedEntrantsNotificationIsDropped() throws Exception {
        String entrant = directory.enrol("dropped-" + UUID.randomUUID() + "@example.org", PageLanguage.ENGLISH).id();
        directory.erase(entrant);
        String id = "withdrawn:event-" + UUID.randomUUID() + ":" + entrant;
        outbox.queue(id, entrant, EntrantOutbox.Kind.WITHDRAWN, "c", "Competition", "s", "Film", "reason", 8);

        EntrantOutbox.Notification dropped = await(id, n -> n.status() == EntrantOutbox.Status.DROPPED);
        assertThat(dropped.attempts()).isZero();
        assertThat(outbox.resend(id, "organiser")).isTrue();
        assertThat(await(id, n -> n.status() == EntrantOutbox.Status.DROPPED
                && n.outcomes().stream().anyMatch(o -> o.outcome().startsWith("resend requested"))).status())
                .as("a resend to an erased entrant is dropped again").isEqualTo(EntrantOutbox.Status.DROPPED);
    }

    /** The notification once it satisfies {@code done}: the sender runs every second. */
    private EntrantOutbox.Notification await(String id, Predicate<EntrantOutbox.Notification> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        EntrantOutbox.Notification notification = outbox.find(id).orElseThrow();
        while (!done.test(notification) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            notification = outbox.find(id).orElseThrow();
        }
        assertThat(done.test(notification)).as("notification " + notification).isTrue();
        return notification;
    }
}
