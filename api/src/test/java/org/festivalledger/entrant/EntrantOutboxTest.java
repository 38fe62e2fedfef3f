package org.festivalledger.entrant;

import org.festivalledger.LedgerTestApplication;
import org.festivalledger.language.PageLanguage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox: a notification is queued once under its id however often its event is handled; a claimed one is
 * not claimed again; a failed attempt is recorded and due again later, doubling, and given up after the last; an
 * erased entrant's notification is dropped, never sent. This application has no mail server, so its sender leaves
 * the outbox alone (nothing is lost or given up for want of one): the test sends as the sender would.
 */
class EntrantOutboxTest extends LedgerTestApplication {

    @Autowired
    EntrantOutbox outbox;

    @Autowired
    EntrantDirectory directory;

    @Autowired
    EntrantNotificationSender sender;

    @Autowired
    com.mongodb.client.MongoDatabase database;

    @Autowired
    org.springframework.beans.factory.ObjectProvider<org.festivalledger.ledger.embedded.EmbeddedMongoStore> embedded;

    @Autowired
    EntrantProperties properties;

    @Test
    void aNotificationIsQueuedOnceAndAFailedAttemptIsRecordedAndRetriedLaterThenGivenUp() {
        String entrant = directory.enrol("outbox-" + UUID.randomUUID() + "@example.org", PageLanguage.ENGLISH).id();
        String id = "received:event-" + UUID.randomUUID() + ":" + entrant;

        assertThat(queue(id, entrant, EntrantOutbox.Kind.RECEIVED)).isTrue();
        assertThat(queue(id, entrant, EntrantOutbox.Kind.RECEIVED)).as("the same event handled again queues nothing")
                .isFalse();

        EntrantOutbox.Notification claimed = outbox.claim(id).orElseThrow();
        assertThat(claimed.status()).isEqualTo(EntrantOutbox.Status.SENDING);
        assertThat(outbox.claim(id)).as("claimed once, by one sender").isEmpty();

        sender.send(claimed); // no mail server here: the attempt fails
        EntrantOutbox.Notification failed = outbox.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(EntrantOutbox.Status.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(last(failed)).startsWith("failed (attempt 1)").contains("no mail server")
                .contains("retried after 5 s");
        assertThat(failed.outcomes().toString()).doesNotContain("@example.org");
        assertThat(outbox.claimNext().map(EntrantOutbox.Notification::id)).as("not due again at once")
                .isNotEqualTo(java.util.Optional.of(id));

        for (int attempt = 2; attempt <= EntrantOutbox.MAX_ATTEMPTS; attempt++) {
            sender.send(outbox.claim(id).orElseThrow());
        }
        EntrantOutbox.Notification givenUp = outbox.find(id).orElseThrow();
        assertThat(givenUp.status()).isEqualTo(EntrantOutbox.Status.FAILED);
        assertThat(givenUp.outcomes()).extracting(EntrantOutbox.Outcome::outcome)
                .anyMatch(o -> o.contains("attempt 2") && o.contains("retried after 10 s"))
                .anyMatch(o -> o.contains("attempt 3") && o.contains("retried after 20 s"));
        assertThat(last(givenUp)).endsWith("given up");

        assertThat(outbox.resend(id, "organiser")).isTrue();
        EntrantOutbox.Notification resent = outbox.find(id).orElseThrow();
        assertThat(resent.status()).isEqualTo(EntrantOutbox.Status.PENDING);
        assertThat(resent.attempts()).isZero();
        assertThat(last(resent)).isEqualTo("resend requested by organiser");
    }

    @Test
    void anErasedEntrantsNotificationIsDropped() {
        String entrant = directory.enrol("dropped-" + UUID.randomUUID() + "@example.org", PageLanguage.ENGLISH).id();
        directory.erase(entrant);
        String id = "withdrawn:event-" + UUID.randomUUID() + ":" + entrant;
        queue(id, entrant, EntrantOutbox.Kind.WITHDRAWN);

        sender.send(outbox.claim(id).orElseThrow());

        EntrantOutbox.Notification dropped = outbox.find(id).orElseThrow();
        assertThat(dropped.status()).isEqualTo(EntrantOutbox.Status.DROPPED);
        assertThat(dropped.attempts()).isZero();
        assertThat(last(dropped)).contains("erased");
    }

    /**
     * A send that a crash interrupted (its claim is an earlier run's) is due again at once on a store this process
     * alone writes (the embedded store on a port picked at random), and goes out as the same message (its
     * Message-ID); an organiser's resend is a new message.
     */
    @Test
    void aSendACrashInterruptedGoesOutAgainAsTheSameMessageAndAResendAsANewOne() {
        String entrant = directory.enrol("crash-" + UUID.randomUUID() + "@example.org", PageLanguage.ENGLISH).id();
        String id = "received:event-" + UUID.randomUUID() + ":" + entrant;
        queue(id, entrant, EntrantOutbox.Kind.RECEIVED);
        EntrantOutbox.Notification claimed = outbox.claim(id).orElseThrow();
        assertThat(claimed.messageId()).matches("<[0-9a-f]{32}@localhost>");

        database.getCollection(EntrantOutbox.COLLECTION).updateOne(com.mongodb.client.model.Filters.eq("_id", id),
                com.mongodb.client.model.Updates.set("process", "a-run-that-was-killed"));
        outbox.releaseDeadClaims();

        EntrantOutbox.Notification released = outbox.find(id).orElseThrow();
        if (!ledger.isSoleWriter()) {
            assertThat(released.status()).as("another node's claim is left to it for a while")
                    .isEqualTo(EntrantOutbox.Status.SENDING);
            return;
        }
        assertThat(released.status()).isEqualTo(EntrantOutbox.Status.PENDING);
        assertThat(last(released)).isEqualTo(EntrantOutbox.INTERRUPTED);
        assertThat(outbox.claim(id).orElseThrow().messageId()).isEqualTo(claimed.messageId());
        outbox.releaseDeadClaims();
        assertThat(outbox.find(id).orElseThrow().status()).as("this run's own claim is alive")
                .isEqualTo(EntrantOutbox.Status.SENDING);

        outbox.sent(id);
        assertThat(outbox.resend(id, "organiser")).isTrue();
        assertThat(outbox.find(id).orElseThrow().messageId()).isNotEqualTo(claimed.messageId());
    }

    /**
     * On a store other nodes may write (an embedded store on a fixed port, which a node joined; a shared MongoDB),
     * another process's fresh claim is a send in progress there: released at once, the same mail would go out twice.
     */
    @Test
    void onAStoreOtherNodesMayWriteAnotherNodesFreshClaimIsLeftToIt() {
        String entrant = directory.enrol("joined-" + UUID.randomUUID() + "@example.org", PageLanguage.ENGLISH).id();
        String id = "received:event-" + UUID.randomUUID() + ":" + entrant;
        queue(id, entrant, EntrantOutbox.Kind.RECEIVED);
        EntrantOutbox otherNode = new EntrantOutbox(database, java.time.Clock.systemUTC(), embedded, properties,
                new org.festivalledger.ledger.LedgerLog(database, java.time.Clock.systemUTC(), null, false));
        assertThat(otherNode.claim(id)).isPresent();
        EntrantOutbox thisNode = new EntrantOutbox(database, java.time.Clock.systemUTC(), embedded, properties,
                new org.festivalledger.ledger.LedgerLog(database, java.time.Clock.systemUTC(), null, false));

        thisNode.releaseDeadClaims();

        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(EntrantOutbox.Status.SENDING);
    }

    private boolean queue(String id, String entrant, EntrantOutbox.Kind kind) {
        return outbox.queue(id, entrant, kind, "c", "Competition", "s", "Film", "reason", 7);
    }

    private static String last(EntrantOutbox.Notification notification) {
        return notification.outcomes().get(notification.outcomes().size() - 1).outcome();
    }
}
