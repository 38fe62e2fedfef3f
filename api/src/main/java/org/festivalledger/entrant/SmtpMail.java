package org.festivalledger.entrant;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Entrants' mail over SMTP, as {@code spring.mail.*} configures Spring's {@link JavaMailSender}. */
class SmtpMail implements MailOut {

    private final JavaMailSender sender;
    private final String from;

    SmtpMail(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(OutgoingMail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.to());
        message.setSubject(mail.subject());
        message.setText(mail.text());
        sender.send(message);
    }
}
