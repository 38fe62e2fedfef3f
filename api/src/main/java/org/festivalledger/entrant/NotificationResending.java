package org.festivalledger.entrant;

import org.festivalledger.http.UnknownId;
import org.festivalledger.rules.StateConflict;
import org.springframework.stereotype.Service;

/**
 * An organiser's resend of a notification to an entrant, the one use case behind the API's
 * {@code POST /api/notifications/{id}/resend} and the entry page's <em>Resend</em> button: the notification is due
 * again now, its attempts counted afresh, the request recorded among its outcomes. Nothing is resent to an entrant
 * who erased their contact data (there is no address to send it to), nor while a sender holds the notification.
 */
@Service
public class NotificationResending {

    private final EntrantOutbox outbox;
    private final EntrantDirectory directory;

    NotificationResending(EntrantOutbox outbox, EntrantDirectory directory) {
        this.outbox = outbox;
        this.directory = directory;
    }

    /**
     * @throws UnknownId             there is no such notification
     * @throws EntrantErased         its entrant erased their contact data
     * @throws NotificationBeingSent a sender is sending it at this moment
     */
    public void resend(String notificationId, String requestedBy) {
        EntrantOutbox.Notification notification = outbox.find(notificationId)
                .orElseThrow(() -> new UnknownId("notification", notificationId));
        if (directory.contact(notification.entrantId()).isEmpty()) {
            throw new EntrantErased(notification.entrantId());
        }
        if (!outbox.resend(notificationId, requestedBy)) {
            throw new NotificationBeingSent(notificationId);
        }
    }

    /** The entrant's contact data was erased: nothing can be sent to them, so nothing is resent. */
    public static class EntrantErased extends StateConflict {

        EntrantErased(String entrantId) {
            super("entrant " + entrantId + " erased their contact data: nothing can be sent to them");
        }
    }

    /** A sender holds the notification right now: it may be resent once that attempt has ended. */
    public static class NotificationBeingSent extends StateConflict {

        NotificationBeingSent(String notificationId) {
            super("notification " + notificationId + " is being sent right now; resend it once this attempt has ended");
        }
    }
}
