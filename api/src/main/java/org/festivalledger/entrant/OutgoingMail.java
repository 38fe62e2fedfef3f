package org.festivalledger.entrant;

/** One message to one entrant, written in their language. */
public record OutgoingMail(String to, String subject, String text) {

    /** The message without its address, for logs and the like: never log {@link #to}. */
    @Override
    public String toString() {
        return "mail '" + subject + "'";
    }
}
