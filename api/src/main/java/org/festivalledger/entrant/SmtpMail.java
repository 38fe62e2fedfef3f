package org.festivalledger.entrant;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;

/**
 * Entrants' mail over SMTP, as {@code spring.mail.*} configures Spring's {@link JavaMailSender}. A notification goes
 * out with its own Message-ID, the same at every attempt, so a receiver can tell a message sent again after a crash
 * from a new one.
 */
class SmtpMail implements MailOut {

    private static final Logger log = LoggerFactory.getLogger(SmtpMail.class);

    private final JavaMailSender sender;
    private final String from;

    SmtpMail(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(OutgoingMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text());
            if (mail.messageId() != null) {
                message.setHeader("Message-ID", mail.messageId()); // JavaMailSender keeps a Message-ID it is given
            }
        } catch (MessagingException e) {
            throw new MailPreparationException(mail + " could not be written", e);
        }
        try {
            sender.send(message);
        } catch (MailSendException e) {
            if (e.getFailedMessages().isEmpty() && e.getMessageExceptions().length == 0) {
                // The server accepted the message; only closing the connection afterwards failed. Sending it again
                // would deliver it twice.
                log.warn("The mail server accepted {} but the connection did not close cleanly: {}", mail,
                        e.getMessage());
                return;
            }
            throw e;
        }
    }
}
