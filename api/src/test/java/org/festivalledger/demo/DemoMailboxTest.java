package org.festivalledger.demo;

import org.festivalledger.entrant.OutgoingMail;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's mailbox keeps what would have been mailed, newest first, with the links to follow. */
class DemoMailboxTest {

    private final DemoMailbox mailbox = new DemoMailbox(Clock.fixed(Instant.parse("2027-03-01T02:00:00Z"), ZoneOffset.UTC));

    @Test
    void keepsTheNewestMessagesWithTheirLinksAndForgetsAnErasedAddress() {
        mailbox.send(new OutgoingMail("mei@example.org", "Sign in", "Open http://localhost:8080/entrant/sign-in?link=el_a once."));
        mailbox.send(new OutgoingMail("li@example.org", "Received", "No link here."));
        for (int i = 0; i < 60; i++) {
            mailbox.send(new OutgoingMail("other@example.org", "Note " + i, "text"));
        }
        assertThat(mailbox.messages()).hasSize(50);
        assertThat(mailbox.messages().get(0).subject()).isEqualTo("Note 59");

        DemoMailbox fresh = new DemoMailbox(Clock.systemUTC());
        fresh.send(new OutgoingMail("mei@example.org", "Sign in", "Open http://localhost:8080/entrant/sign-in?link=el_a once."));
        fresh.send(new OutgoingMail("li@example.org", "Received", "No link here."));
        assertThat(fresh.messages().get(1).links()).containsExactly("http://localhost:8080/entrant/sign-in?link=el_a");
        assertThat(fresh.messages().get(0).links()).isEmpty();
        fresh.forget("MEI@example.org");
        assertThat(fresh.messages()).extracting(DemoMailbox.Delivered::to).containsExactly("li@example.org");
    }
}
