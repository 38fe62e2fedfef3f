package org.festivalledger.entrant;

/** No SMTP server is configured ({@code spring.mail.host}) and this is not the demo: mail cannot be sent. */
class NoMailServer implements MailOut {

    @Override
    public void send(OutgoingMail mail) {
        throw new IllegalStateException("no mail server is configured (spring.mail.host); " + mail + " was not sent");
    }

    @Override
    public boolean configured() {
        return false;
    }
}
