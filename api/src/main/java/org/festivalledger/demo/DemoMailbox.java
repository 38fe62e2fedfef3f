package org.festivalledger.demo;

import org.festivalledger.entrant.MailOut;
import org.festivalledger.entrant.OutgoingMail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In demo mode entrants' mail is not sent: it lands here, in memory, and the page {@code /demo/mailbox} shows it, so
 * a newcomer can follow a sign-in link without a mail server. Only the latest messages are kept; a restart empties it.
 */
@Component
@Primary
@ConditionalOnProperty(name = "ledger.demo.enabled", havingValue = "true")
public class DemoMailbox implements MailOut {

    private static final int KEPT = 50;
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    /** A message as the mailbox page shows it, with the links found in its text. */
    public record Delivered(Instant at, String to, String subject, String text, List<String> links) {
    }

    private final Deque<Delivered> delivered = new ArrayDeque<>();
    private final Clock clock;

    DemoMailbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void send(OutgoingMail mail) {
        Matcher links = LINK.matcher(mail.text());
        List<String> found = links.results().map(result -> result.group()).toList();
        delivered.addFirst(new Delivered(clock.instant(), mail.to(), mail.subject(), mail.text(), found));
        while (delivered.size() > KEPT) {
            delivered.removeLast();
        }
    }

    /** The messages, newest first. */
    public synchronized List<Delivered> messages() {
        return List.copyOf(delivered);
    }

    /** Forgets every message to an address (when its entrant is erased). */
    public synchronized void forget(String address) {
        delivered.removeIf(message -> message.to().equalsIgnoreCase(address));
    }
}
