package org.festivalledger.entrant;

/**
 * One message to one entrant, written in their language.
 *
 * @param messageId the Message-ID it goes out with ({@code <…@…>}), the same for every attempt at one notification;
 *                  null: a new one for each sending (a sign-in link)
 */
public record OutgoingMail(String to, String subject, String text, String messageId) {

    public OutgoingMail(String to, String subject, String text) {
        this(to, subject, text, null);
    }

    /** The message without its address, for logs and the like: never log {@link #to}. */
    @Override
    public String toString() {
        return "mail '" + subject + "'";
    }
}
