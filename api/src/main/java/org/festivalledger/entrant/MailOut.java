package org.festivalledger.entrant;

/**
 * Where entrants' mail goes: an SMTP server through Spring's {@code JavaMailSender} ({@code spring.mail.*}), or in
 * demo mode the demo's own mailbox page. Sending either succeeds or throws.
 */
public interface MailOut {

    void send(OutgoingMail mail);

    /** Whether mail can be sent at all; if not, notifications wait in the outbox until a server is configured. */
    default boolean configured() {
        return true;
    }
}
