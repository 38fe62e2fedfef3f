package org.festivalledger.entrant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Sends the outbox's due notifications ({@link EntrantOutbox}), one claimed at a time, every second: each in its
 * entrant's language, to the address looked up at that moment; an erased entrant's is dropped. A failure is recorded
 * and retried with backoff. Logs name the notification and the entrant's pseudonymous id, never an address.
 */
@Component
class EntrantNotificationSender {

    private static final Logger log = LoggerFactory.getLogger(EntrantNotificationSender.class);
    /** At most this many per run, so one run never holds the scheduler long. */
    private static final int PER_RUN = 50;

    private final EntrantOutbox outbox;
    private final EntrantDirectory directory;
    private final EntrantMail mail;

    EntrantNotificationSender(EntrantOutbox outbox, EntrantDirectory directory, EntrantMail mail) {
        this.outbox = outbox;
        this.directory = directory;
        this.mail = mail;
    }

    @Scheduled(fixedDelayString = "${ledger.entrants.send-interval:1s}")
    void sendDue() {
        if (!mail.configured()) {
            return; // nowhere to send: the notifications wait, none is lost or given up
        }
        for (int i = 0; i < PER_RUN; i++) {
            Optional<EntrantOutbox.Notification> next = outbox.claimNext();
            if (next.isEmpty()) {
                return;
            }
            send(next.get());
        }
    }

    /** Sends one claimed notification and records the outcome. */
    void send(EntrantOutbox.Notification notification) {
        Optional<Entrant> entrant = directory.find(notification.entrantId());
        if (entrant.isEmpty() || entrant.get().erased()) {
            outbox.dropped(notification.id(), "not sent: the entrant's contact data was erased");
            return;
        }
        try {
            mail.notification(entrant.get(), notification);
            outbox.sent(notification.id());
        } catch (RuntimeException e) {
            log.warn("Notification {} to entrant {} failed: {}", notification.id(), notification.entrantId(),
                    e.getMessage());
            outbox.failed(notification, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
