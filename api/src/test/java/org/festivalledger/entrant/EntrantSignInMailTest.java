package org.festivalledger.entrant;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api;
import org.festivalledger.Festival;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.festivalledger.FestivalLedgerApplication;
import org.festivalledger.OrganiserSession;
import org.festivalledger.ledger.LedgerLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entrants sign in by email, against an in-process SMTP server (GreenMail): the link arrives in the entrant's
 * language, opens a page whose button signs in, works once, and nothing about an address is ever told to the asker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EntrantSignInMailTest {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern LINK = Pattern.compile("(http://\\S+/entrant/sign-in\\?link=(el_[A-Za-z0-9_-]+))");

    static {
        FestivalLedgerApplication.quietAxon();
        MAIL.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("ledger-entrant-mail-test").toString();
        registry.add("ledger.data-dir", () -> data);
        registry.add("server.shutdown", () -> "immediate");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("ledger.entrants.links-per-address-per-hour", () -> "2");
        registry.add("ledger.entrants.requests-per-client-per-hour", () -> "3");
        // Each test asks as its own client (X-Forwarded-For from this trusted proxy), so limits stay apart.
        registry.add("ledger.http.trusted-proxies", () -> "127.0.0.1/32, ::1");
        registry.add("ledger.http.rate-limit.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    LedgerLog ledger;

    @Autowired
    EntrantDirectory directory;

    @Autowired
    EntrantSignInLinks links;

    @Autowired
    EntrantOutbox outbox;

    @Autowired
    com.mongodb.client.MongoDatabase database;

    @Autowired
    EntrantNotificationSender sender;

    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;

    @Autowired
    org.festivalledger.http.ProjectionProgress progress;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void emptyMailbox() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
    }

    @Test
    void anEntrantAsksForALinkAndSignsInFromTheMailOnce() throws Exception {
        long before = ledger.head().position();
        String email = "mei-" + UUID.randomUUID() + "@example.org";

        HttpResponse<String> asked = ask(email, "zh-CN", "198.51.100.1");

        assertThat(asked.statusCode()).isEqualTo(202);
        MimeMessage mail = onlyMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("您的电影节登录链接");
        String body = mail.getContent().toString();
        assertThat(body).contains("只能使用一次");
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("a sign-in link in:\n" + body).isTrue();
        String path = URI.create(link.group(1)).getRawPath() + "?" + URI.create(link.group(1)).getRawQuery();

        OrganiserSession visitor = OrganiserSession.visitor(port);
        HttpResponse<String> page = visitor.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(visitor.get("/entrant").body()).as("opening the link signed nobody in").doesNotContain("en_");

        HttpResponse<String> signedIn = visitor.submit(path, "/entrant/sign-in", Map.of("link", link.group(2)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/entrant"));
        HttpResponse<String> home = visitor.get("/entrant");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("en_").contains(email);

        OrganiserSession someoneElse = OrganiserSession.visitor(port);
        assertThat(someoneElse.submit(path, "/entrant/sign-in", Map.of("link", link.group(2))).statusCode())
                .as("a link signs in once").isEqualTo(401);
        assertThat(ledger.head().position()).as("nothing about the entrant is on the ledger").isEqualTo(before);
    }

    @Test
    void theAnswerIsTheSameForEveryAddressAndAnAddressIsNotFlooded() throws Exception {
        String known = "known-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> first = ask(known, "en", "198.51.100.2");
        HttpResponse<String> second = ask(known, "en", "198.51.100.3");
        HttpResponse<String> heldBack = ask(known, "en", "198.51.100.4");
        HttpResponse<String> stranger = ask("new-" + UUID.randomUUID() + "@example.org", "en", "198.51.100.5");

        for (HttpResponse<String> answer : List.of(first, second, heldBack, stranger)) {
            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo(first.body());
        }
        assertThat(MAIL.waitForIncomingEmail(5_000, 3)).isTrue();
        assertThat(mailsTo(known)).as("two links an hour for one address, the third held back").hasSize(2);
        assertThat(mailsTo(known).get(0).getSubject()).isEqualTo("Your sign-in link for the festival");
    }

    @Test
    void aClientThatAsksTooOftenIsHeldBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(ask("c" + i + "-" + UUID.randomUUID() + "@example.org", "en", "198.51.100.9").statusCode())
                    .isEqualTo(202);
        }
        HttpResponse<String> limited = ask("c-" + UUID.randomUUID() + "@example.org", "en", "198.51.100.9");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void anAddressThatIsNoneIsRefusedNextToItsFieldWithWhatWasTyped() throws Exception {
        HttpResponse<String> api = ask("not an address", "en", "198.51.100.10");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"field\":\"email\"");

        OrganiserSession visitor = OrganiserSession.visitor(port);
        HttpResponse<String> page = visitor.submit("/entrant", "/entrant/sign-in-links",
                Map.of("email", "mei at example", "language", "zh-CN"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"email-problem\"").contains("value=\"mei at example\"")
                .contains("aria-invalid=\"true\"");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void thePageAsksForALinkAndSaysTheSameWhateverTheAddress() throws Exception {
        String email = "page-" + UUID.randomUUID() + "@example.org";
        OrganiserSession visitor = OrganiserSession.visitor(port);
        HttpResponse<String> sent = visitor.submit("/entrant", "/entrant/sign-in-links",
                Map.of("email", email, "language", "en"));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/entrant?sent"));
        assertThat(onlyMailTo(email).getContent().toString()).contains("/entrant/sign-in?link=el_");
        assertThat(visitor.get("/entrant?sent").body()).contains("a sign-in link is on its way");
        assertThat(visitor.get("/entrant/sign-in").statusCode()).as("no link: back to the form").isEqualTo(302);
        assertThat(visitor.get("/entrant/anything").statusCode()).as("signed out: to the form").isEqualTo(302);
        assertThat(visitor.get("/demo/mailbox").statusCode()).as("the mailbox is the demo's only").isEqualTo(404);
    }

    /**
     * The whole way, as the issue asks: an entrant asks for a link, signs in from the mail, sends an entry and gets
     * its receipt by mail; the organiser rules it ineligible through the API; the entrant gets that mail, in their
     * language, and sees the reason on their page. The organiser sees what was sent and resends one.
     */
    @Test
    void anEntrantIsToldOfTheirEntrysReceiptAndOfARulingByMail() throws Exception {
        String email = "flow-" + UUID.randomUUID() + "@example.org";
        OrganiserSession visitor = OrganiserSession.visitor(port);
        assertThat(visitor.submit("/entrant", "/entrant/sign-in-links", Map.of("email", email, "language", "zh-CN"))
                .statusCode()).isEqualTo(302);
        Matcher link = LINK.matcher(waitForMails(email, 1).get(0).getContent().toString());
        assertThat(link.find()).isTrue();
        String signInPage = "/entrant/sign-in?link=" + link.group(2);
        assertThat(visitor.submit(signInPage, "/entrant/sign-in", Map.of("link", link.group(2))).statusCode())
                .isEqualTo(302);

        Api api = new Api(port);
        String competition = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        long announced = api.post("/api/competitions").as(Api.ORGANISER).json(Festival.competition(competition)).send()
                .ledgerPosition();
        assertThat(api.get("/api/competitions/" + competition + "?minPosition=" + announced).as(Api.ORGANISER).send()
                .status()).isEqualTo(200);
        Map<String, String> form = new java.util.HashMap<>(Map.of("title", "潮汐记忆", "team", "李薇", "country", "CN",
                "runtimeMinutes", "12", "synopsis", "一个关于潮汐的故事。", "aiWorkflow", "HYBRID", "aiTools", "Runway"));
        HttpResponse<String> sent = visitor.submit("/entrant/competitions/" + competition + "/entries/new",
                "/entrant/competitions/" + competition + "/entries", form);
        assertThat(sent.statusCode()).isEqualTo(302);
        String entryPage = URI.create(sent.headers().firstValue("Location").orElseThrow()).getPath();
        String submissionId = entryPage.substring(entryPage.lastIndexOf('/') + 1);

        MimeMessage receipt = waitForMails(email, 2).get(1);
        assertThat(receipt.getSubject()).isEqualTo("已收到：潮汐记忆");
        assertThat(receipt.getContent().toString()).contains("签名账本").contains("收据");

        assertThat(api.post("/api/competitions/" + competition + "/submissions/" + submissionId + "/ineligibility")
                .as(Api.ORGANISER).json(Map.of("reason", "片长信息与影片文件不符")).send().status()).isEqualTo(200);
        MimeMessage ruling = waitForMails(email, 3).get(2);
        assertThat(ruling.getSubject()).isEqualTo("不符合参赛资格：潮汐记忆");
        assertThat(ruling.getContent().toString()).contains("片长信息与影片文件不符");
        String page = visitor.get(entryPage).body();
        assertThat(page).contains("不符合参赛资格").contains("id=\"status-reason\">片长信息与影片文件不符<");

        JsonNode told = api.get("/api/competitions/" + competition + "/submissions/" + submissionId + "/notifications")
                .as(Api.ORGANISER).send().json();
        assertThat(told.findValuesAsText("kind")).containsExactly("RECEIVED", "INELIGIBLE");
        assertThat(told.findValuesAsText("status")).containsExactly("SENT", "SENT");
        assertThat(told.toString()).doesNotContain(email);
        assertThat(api.post("/api/notifications/" + told.get(0).get("id").asText() + "/resend").as(Api.ORGANISER)
                .send().status()).isEqualTo(202);
        MimeMessage again = waitForMails(email, 4).get(3);
        assertThat(again.getSubject()).isEqualTo("已收到：潮汐记忆");
        assertThat(receipt.getMessageID()).as("a notification's mail carries its Message-ID")
                .isEqualTo(told.get(0).get("messageId").asText());
        assertThat(again.getMessageID()).as("a resend is a new message").isNotEqualTo(receipt.getMessageID());
        // The mail server has the message a moment before the sender records that it was sent: read until it has.
        String history = "/api/competitions/" + competition + "/submissions/" + submissionId + "/notifications";
        List<String> outcomes = outcomes(api, history);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!outcomes.get(outcomes.size() - 1).equals("sent") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            outcomes = outcomes(api, history);
        }
        assertThat(outcomes).contains("resend requested by organiser").endsWith("sent");
    }

    private static List<String> outcomes(Api api, String history) {
        return api.get(history).as(Api.ORGANISER).send().json().get(0).get("outcomes").findValuesAsText("outcome");
    }

    /**
     * A restart (or a crash) makes the notifications' processor handle events again from its last stored token; here
     * from the very start of the ledger. It queues nothing new, so nothing is sent twice: once the replay has caught
     * up and the sender has run, the entrant has the same mails and each notification one "sent" outcome.
     */
    @Test
    void handlingTheEventsAgainSendsNothingTwice() throws Exception {
        String email = "replay-" + UUID.randomUUID() + "@example.org";
        Api api = new Api(port);
        org.festivalledger.EntrantApiSignIn.SignedIn entrant =
                org.festivalledger.EntrantApiSignIn.signIn(api, directory, links, email);
        String competition = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/competitions").as(Api.ORGANISER).json(Festival.competition(competition)).send();
        String id = entrant.as(api.post("/api/competitions/" + competition + "/entries"))
                .json(Festival.entry("Twice Told")).send().json().get("id").asText();
        api.post("/api/competitions/" + competition + "/submissions/" + id + "/withdrawal").as(Api.ORGANISER)
                .json(Map.of("reason", "At the entrant's request by telephone")).send();
        assertThat(waitForMails(email, 2)).hasSize(2);

        TrackingEventProcessor processor = processing
                .eventProcessor(EntrantNotifications.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        // Forgotten here, known again after the replay: proof that the events were handled again.
        database.getCollection(EntrantNotifications.ENTRIES).deleteOne(new org.bson.Document("_id", id));
        processor.resetTokens();
        processor.start();
        assertThat(progress.awaitPosition(EntrantNotifications.PROCESSING_GROUP, ledger.head().position(),
                java.time.Duration.ofSeconds(30))).as("the replay caught up").isTrue();
        sender.sendDue();
        assertThat(database.getCollection(EntrantNotifications.ENTRIES).find(new org.bson.Document("_id", id)).first())
                .as("the receipt was handled again").isNotNull();

        assertThat(mailsTo(email)).as("no mail sent twice").hasSize(2);
        for (EntrantOutbox.Notification notification : outbox.about(id)) {
            assertThat(notification.status()).isEqualTo(EntrantOutbox.Status.SENT);
            assertThat(notification.outcomes()).extracting(EntrantOutbox.Outcome::outcome)
                    .containsExactly("queued", "sent");
        }
    }

    /** The mails to {@code email}, oldest first, once there are {@code count} (waits up to 15 s). */
    private static List<MimeMessage> waitForMails(String email, int count) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        List<MimeMessage> mails = mailsTo(email);
        while (mails.size() < count && System.nanoTime() < deadline) {
            MAIL.waitForIncomingEmail(500, MAIL.getReceivedMessages().length + 1);
            mails = mailsTo(email);
        }
        assertThat(mails).as("mails to the entrant").hasSizeGreaterThanOrEqualTo(count);
        return mails;
    }

    private HttpResponse<String> ask(String email, String language, String client) {
        String body = "{\"email\":\"" + email + "\",\"language\":\"" + language + "\"}";
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/entrants/sign-in-links"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage onlyMailTo(String email) throws Exception {
        assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> address.toString().equalsIgnoreCase(email));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
