package org.festivalledger.entrant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Entrants' mail, written in each entrant's language from the {@code entrant} bundle ({@code mail.*} keys) and handed
 * to {@link MailOut}. Logs name the entrant by id, never by address.
 */
@Component
class EntrantMail {

    private static final Logger log = LoggerFactory.getLogger(EntrantMail.class);

    private final MailOut out;
    private final MessageSource messages;
    private final EntrantProperties properties;

    EntrantMail(MailOut out, MessageSource messages, EntrantProperties properties) {
        this.out = out;
        this.messages = messages;
        this.properties = properties;
    }

    boolean configured() {
        return out.configured();
    }

    /** Mails a notification in the entrant's language; throws if it could not be sent (the outbox retries). */
    void notification(Entrant entrant, EntrantOutbox.Notification notification) {
        String kind = notification.kind().name().toLowerCase();
        Object[] arguments = {notification.title(), notification.competitionName(),
                notification.reason() == null ? "" : notification.reason(), Long.toString(notification.position()),
                notification.id()};
        out.send(new OutgoingMail(entrant.email(),
                messages.getMessage("mail." + kind + ".subject", arguments, entrant.language().locale()),
                messages.getMessage("mail." + kind + ".body", arguments, entrant.language().locale()),
                notification.messageId()));
    }

    /** Mails a sign-in link; a failure is logged (the entrant may ask again), never shown to the asker. */
    void signInLink(Entrant entrant, String link) {
        if (entrant.erased()) {
            return;
        }
        Duration lifetime = properties.linkLifetime();
        String minutes = Long.toString(lifetime.toMinutes());
        OutgoingMail mail = new OutgoingMail(entrant.email(),
                messages.getMessage("mail.signIn.subject", null, entrant.language().locale()),
                messages.getMessage("mail.signIn.body", new Object[]{link, minutes}, entrant.language().locale()));
        try {
            out.send(mail);
        } catch (RuntimeException e) {
            log.warn("The sign-in link for entrant {} could not be mailed: {}", entrant.id(), e.getMessage());
        }
    }
}
