package org.festivalledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.festivalledger.Api.Reply;
import org.festivalledger.ledger.RealMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/**
 * Entrants' notifications survive SIGKILL. The packaged application ({@code java -jar}, as it ships, on its embedded
 * store) mails through an SMTP server in this JVM (GreenMail) while eight entrants, signed in from their mailed links,
 * send entries and withdraw some, and the organiser rules others ineligible. It is killed three times and started
 * again on the same data:
 * <ol>
 *     <li>at a moment of the load (after a number of acknowledged entries, once the first notifications are
 *     mailed);</li>
 *     <li>inside the one window no SMTP exchange can close: the SMTP server has stored a notification's mail and has
 *     not yet answered {@code 250}, so the application never learns that it was accepted (the kill is made from
 *     the server's delivery, in its thread, before it answers);</li>
 *     <li>in the middle of a burst of rulings being mailed.</li>
 * </ol>
 * Then, once the application has drained its outbox (every notification SENT, as the organiser's API says), the
 * notifications due are worked out from the ledger alone (one per entrant's entry received, per ruling of it
 * ineligible, per withdrawal of it) and compared with the mail the server received: every one due arrived, to its
 * entrant's address, and nothing else did; each arrived once, except a notification whose send a crash interrupted
 * (its outbox record says so): it may arrive twice, as the same message (one Message-ID), and the one killed in the
 * window above does. No other mail arrives twice.
 * <p>
 * Run by Failsafe in {@code verify}, after {@code package} has built the jar.
 */
class NotificationCrashSafetyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ENTRANTS = 8;
    private static final String COMPETITION = "crash-notifications";
    private static final Pattern SIGN_IN_LINK = Pattern.compile("link=(el_[A-Za-z0-9_-]+)");
    private static final Pattern NOTIFICATION_ID =
            Pattern.compile("\\b((received|ineligible|withdrawn|results):[^:\\s]+:(en_[^\\s)）]+))");
    private static final Pattern POSITION = Pattern.compile("(?:position|位置为?) (\\d+)");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final AtomicReference<AppProcess> app = new AtomicReference<>();
    private final Trap trap = new Trap();

    @AfterEach
    void stop() {
        AppProcess running = app.get();
        if (running != null) {
            running.close();
        }
        smtp.stop();
    }

    @Test
    void everyNotificationDueIsMailedAndOnlyACrashInterruptedSendArrivesTwiceAsTheSameMessage() throws Exception {
        RealMongo.assumeAvailableWhenRequired();
        long started = System.nanoTime();
        smtp.start();
        Path jar = packagedJar();
        Path data = directory.resolve("data");
        String[] arguments = arguments();

        Map<String, String> emails = new LinkedHashMap<>();
        for (int i = 0; i < ENTRANTS; i++) {
            String email = "entrant-" + i + "@example.org";
            GreenMailUser user = smtp.setUser(email, email, "secret");
            MailFolder inbox = smtp.getManagers().getImapHostManager().getInbox(user);
            inbox.addListener(trap.on(inbox));
            emails.put(email, i % 2 == 0 ? "en" : "zh-CN");
        }

        start(jar, data, arguments);
        assertThat(api().post("/api/competitions").as(ORGANISER).json(Festival.competition(COMPETITION)).send()
                .status()).isEqualTo(201);
        Map<String, String> tokens = new LinkedHashMap<>();
        emails.forEach((email, language) -> tokens.put(email, signIn(email, language)));
        Book book = new Book();

        // 1. A kill at a moment of the load when notifications are being queued and mailed.
        Load load = Load.start(api(), tokens, book);
        book.awaitEntries(20, PATIENCE);
        await(() -> notificationMails().size() >= 5, "the first notifications mailed");
        app.get().kill();
        load.stop();
        String first = "killed after " + book.entries() + " acknowledged entries and " + notificationMails().size()
                + " notifications mailed";
        start(jar, data, arguments);

        // 2. A kill after the SMTP server stored a notification, before it answered 250.
        load = Load.start(api(), tokens, book);
        book.awaitEntries(book.entries() + 10, PATIENCE);
        trap.arm(app.get());
        assertThat(trap.sprung.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("a notification mailed after the trap was set; see " + app.get().log()).isTrue();
        load.stop();
        String trapped = trap.messageId.get();
        assertThat(trapped).as("the trapped mail's Message-ID").isNotNull();
        String second = "killed while the SMTP server held " + trap.notification.get() + " unanswered";
        start(jar, data, arguments);

        // 3. A kill while a burst of rulings is being mailed.
        load = Load.start(api(), tokens, book);
        book.awaitEntries(book.entries() + 10, PATIENCE);
        load.stop();
        assertThat(book.unexpected()).as("answers other than 2xx; see " + app.get().log()).isEmpty();
        List<String> kept = book.kept();
        int mailsBefore = notificationMails().size();
        for (String submission : kept) {
            Reply ruled = api().post("/api/competitions/" + COMPETITION + "/submissions/" + submission
                    + "/ineligibility").as(ORGANISER).json(Map.of("reason", "The file's runtime is over the limit"))
                    .send();
            assertThat(ruled.status()).as(ruled.toString()).isEqualTo(200);
        }
        await(() -> notificationMails().size() >= mailsBefore + Math.min(5, kept.size()),
                "mails of the burst of " + kept.size() + " rulings being sent");
        app.get().kill();
        String third = "killed after " + (notificationMails().size() - mailsBefore) + " mails of a burst of "
                + kept.size() + " rulings";
        start(jar, data, arguments);

        // The outbox drains: every notification due has been mailed and the organiser's API says each is SENT.
        Map<Due, String> due = dueFromTheLedger();
        await(() -> delivered().keySet().containsAll(due.keySet()) && everyNotificationSent(due),
                "every notification due mailed and SENT");

        Map<Due, List<MimeMessage>> delivered = delivered();
        assertThat(delivered.keySet()).as("the notifications mailed are exactly those due by the ledger")
                .isEqualTo(due.keySet());
        Map<String, String> emailOf = entrantsEmails(book, due);
        Map<Due, List<String>> outcomes = outcomes(due);
        List<String> duplicates = new ArrayList<>();
        for (Map.Entry<Due, List<MimeMessage>> mails : delivered.entrySet()) {
            Due notification = mails.getKey();
            Set<String> messageIds = new TreeSet<>();
            for (MimeMessage mail : mails.getValue()) {
                messageIds.add(mail.getMessageID());
                assertThat(recipients(mail)).as(notification + " to its entrant")
                        .containsExactly(emailOf.get(notification.entrant()));
            }
            assertThat(messageIds).as(notification + ": every copy is the same message").hasSize(1);
            long interruptions = outcomes.get(notification).stream()
                    .filter(org.festivalledger.entrant.EntrantOutbox.INTERRUPTED::equals).count();
            assertThat(mails.getValue().size()).as(notification + " arrives once, and once more per send a crash"
                    + " interrupted (" + interruptions + "): " + outcomes.get(notification))
                    .isBetween(1, 1 + (int) interruptions);
            if (mails.getValue().size() > 1) {
                duplicates.add(notification.kind() + "@" + notification.position() + " " + messageIds);
            }
        }
        Due trappedNotification = delivered.entrySet().stream()
                .filter(mails -> messageIdOf(mails.getValue().get(0)).equals(trapped)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        assertThat(delivered.get(trappedNotification)).as("the mail the server held unanswered at the kill was sent"
                + " again after the restart, as the same message").hasSize(2);

        MimeMessage[] everything = smtp.getReceivedMessages();
        long signIns = java.util.Arrays.stream(everything).filter(mail -> SIGN_IN_LINK.matcher(text(mail)).find())
                .count();
        assertThat(signIns).as("one sign-in mail per entrant").isEqualTo(ENTRANTS);
        assertThat(everything).as("nothing but sign-in links and notifications was mailed")
                .hasSize(ENTRANTS + notificationMails().size());

        long interrupted = outcomes.values().stream().flatMap(List::stream)
                .filter(org.festivalledger.entrant.EntrantOutbox.INTERRUPTED::equals).count();
        System.out.printf("Notifications: %s; %s; %s. %d notifications due (%s), %d mails; %d sends interrupted by"
                        + " a kill, %d delivered twice (same Message-ID): %s; %d s in all%n", first, second, third,
                due.size(), due.keySet().stream().collect(Collectors.groupingBy(Due::kind, TreeMap::new,
                        Collectors.counting())), notificationMails().size(), interrupted, duplicates.size(),
                duplicates, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    // --- the application ---

    private String[] arguments() throws IOException {
        Path secrets = Files.createDirectories(directory.resolve("secrets"));
        Files.writeString(secrets.resolve("LEDGER_ORGANISER_PASSWORD"), "organiser-demo\n");
        Files.writeString(secrets.resolve("LEDGER_AUDITOR_PASSWORD"), "auditor-demo\n");
        List<String> arguments = new ArrayList<>(List.of("--spring.config.import=configtree:" + secrets + "/",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort()));
        if (RealMongo.uri().isPresent()) {
            // On a shared MongoDB a dead process's claim on a notification is trusted for send-claim-timeout (2 min
            // by default): shorter here, so the test waits less. On the embedded store it is dead at once.
            arguments.add("--ledger.entrants.send-claim-timeout=5s");
        }
        return arguments.toArray(String[]::new);
    }

    private void start(Path jar, Path data, String... arguments) {
        app.set(AppProcess.startPackaged(jar, data, arguments));
    }

    private Api api() {
        return app.get().api();
    }

    private static Path packagedJar() {
        Path jar = Path.of(System.getProperty("festival-ledger.jar", "target/festival-ledger.jar"));
        assertThat(jar).as("the packaged application (mvn package builds it before verify)").exists();
        return jar;
    }

    /** The entrant asks for a link, finds it in the mail, and exchanges it for an API token. */
    private String signIn(String email, String language) {
        Reply asked = api().post("/api/entrants/sign-in-links").json(Map.of("email", email, "language", language))
                .send();
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        AtomicReference<String> link = new AtomicReference<>();
        await(() -> {
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                Matcher found = SIGN_IN_LINK.matcher(text(mail));
                if (recipients(mail).contains(email) && found.find()) {
                    link.set(found.group(1));
                    return true;
                }
            }
            return false;
        }, "the sign-in mail to " + email);
        Reply session = api().post("/api/entrants/sessions").json(Map.of("link", link.get())).send();
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        return session.json().get("token").asText();
    }

    // --- what is due, by the ledger ---

    /** A notification due: what it tells of, the ledger position of that event, and the entrant told. */
    record Due(String kind, long position, String entrant) {
    }

    /**
     * Every notification due by the ledger's events, with the entry it is about: each entrant's entry received,
     * each ruling of one ineligible, each withdrawal of one. An organiser's entries (no entrant) are nobody's.
     */
    private Map<Due, String> dueFromTheLedger() {
        Map<Due, String> due = new LinkedHashMap<>();
        Map<String, String> entrantOf = new HashMap<>();
        for (JsonNode event : wholeTrail(api()).values()) {
            String type = event.get("type").asText();
            JsonNode payload = payload(event);
            long position = event.get("position").asLong();
            if (type.endsWith("SubmissionReceived") && payload.hasNonNull("entrantId")) {
                String submission = payload.get("submissionId").asText();
                entrantOf.put(submission, payload.get("entrantId").asText());
                due.put(new Due("received", position, payload.get("entrantId").asText()), submission);
            } else if (type.endsWith("SubmissionRuledIneligible") || type.endsWith("SubmissionWithdrawn")) {
                String submission = payload.get("submissionId").asText();
                if (entrantOf.containsKey(submission)) {
                    due.put(new Due(type.endsWith("Withdrawn") ? "withdrawn" : "ineligible", position,
                            entrantOf.get(submission)), submission);
                }
            }
        }
        return due;
    }

    /** Whether the organiser's API says every notification about these entries is SENT, and no other exists. */
    private boolean everyNotificationSent(Map<Due, String> due) {
        Map<String, List<Due>> bySubmission = new HashMap<>();
        due.forEach((notification, submission) ->
                bySubmission.computeIfAbsent(submission, s -> new ArrayList<>()).add(notification));
        for (Map.Entry<String, List<Due>> entry : bySubmission.entrySet()) {
            JsonNode told = notifications(entry.getKey());
            if (told.size() != entry.getValue().size()) {
                return false;
            }
            for (JsonNode notification : told) {
                if (!"SENT".equals(notification.get("status").asText())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Each notification's outcomes, as the organiser's API gives them. */
    private Map<Due, List<String>> outcomes(Map<Due, String> due) {
        Map<Due, List<String>> outcomes = new HashMap<>();
        for (String submission : new TreeSet<>(due.values())) {
            for (JsonNode notification : notifications(submission)) {
                Matcher id = NOTIFICATION_ID.matcher(notification.get("id").asText());
                assertThat(id.matches()).as(notification.toString()).isTrue();
                Due key = new Due(id.group(2), notification.get("position").asLong(), id.group(3));
                assertThat(due).as("the outbox holds only notifications due").containsKey(key);
                List<String> told = new ArrayList<>();
                notification.get("outcomes").forEach(outcome -> told.add(outcome.get("outcome").asText()));
                outcomes.put(key, told);
            }
        }
        return outcomes;
    }

    private JsonNode notifications(String submission) {
        Reply reply = api().get("/api/competitions/" + COMPETITION + "/submissions/" + submission + "/notifications")
                .as(ORGANISER).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** Each entrant's address by their pseudonym: the ledger names who sent each entry the test had acknowledged. */
    private static Map<String, String> entrantsEmails(Book book, Map<Due, String> due) {
        Map<String, String> emailOf = new HashMap<>();
        due.forEach((notification, submission) -> {
            String email = book.sender(submission);
            if (notification.kind().equals("received") && email != null) {
                String before = emailOf.putIfAbsent(notification.entrant(), email);
                assertThat(before).as("one pseudonym, one entrant").isIn(null, email);
            }
        });
        assertThat(emailOf).as("every entrant known by pseudonym").hasSize(ENTRANTS);
        return emailOf;
    }

    private static Map<Long, JsonNode> wholeTrail(Api api) {
        Map<Long, JsonNode> events = new TreeMap<>();
        Long from = 1L;
        while (from != null) {
            JsonNode page = api.get("/api/audit/events?limit=1000&from=" + from).as(AUDITOR).send().json();
            page.get("events").forEach(event -> events.put(event.get("position").asLong(), event));
            JsonNode next = page.path("next");
            from = next.isNumber() ? next.asLong() : null;
        }
        return events;
    }

    private static JsonNode payload(JsonNode event) {
        JsonNode payload = event.get("payload");
        try {
            return payload.isTextual() ? JSON.readTree(payload.asText()) : payload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- what arrived ---

    /** The notifications' mails (not sign-in links) the SMTP server received, by the notification they tell. */
    private Map<Due, List<MimeMessage>> delivered() {
        Map<Due, List<MimeMessage>> delivered = new LinkedHashMap<>();
        for (MimeMessage mail : notificationMails()) {
            String text = text(mail);
            Matcher id = NOTIFICATION_ID.matcher(text);
            Matcher position = POSITION.matcher(text);
            assertThat(id.find() && position.find()).as("a notification's id and position in:\n" + text).isTrue();
            delivered.computeIfAbsent(new Due(id.group(2), Long.parseLong(position.group(1)), id.group(3)),
                    key -> new ArrayList<>()).add(mail);
        }
        return delivered;
    }

    private List<MimeMessage> notificationMails() {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (NOTIFICATION_ID.matcher(text(mail)).find()) {
                mails.add(mail);
            }
        }
        return mails;
    }

    private static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageIdOf(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            List<String> to = new ArrayList<>();
            for (jakarta.mail.Address address : mail.getRecipients(Message.RecipientType.TO)) {
                to.add(address.toString());
            }
            return to;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (polling) until the condition holds; fails after {@link #PATIENCE}. */
    private void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what + "; see " + app.get().log());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    // --- the trap in the SMTP server ---

    /**
     * Kills the application once, from inside the SMTP server: when it has stored a mail and before it answers
     * {@code 250} (GreenMail tells a folder's listeners in the delivering thread, then answers), so the application
     * dies not knowing that its mail was accepted.
     */
    private static final class Trap {
        private final AtomicReference<AppProcess> armed = new AtomicReference<>();
        private final AtomicReference<String> messageId = new AtomicReference<>();
        private final AtomicReference<String> notification = new AtomicReference<>();
        private final CountDownLatch sprung = new CountDownLatch(1);

        void arm(AppProcess app) {
            armed.set(app);
        }

        FolderListener on(MailFolder inbox) {
            return new FolderListener() {
                @Override
                public void added(int msn) {
                    AppProcess victim = armed.getAndSet(null);
                    if (victim == null) {
                        return;
                    }
                    victim.kill();
                    MimeMessage mail = inbox.getMessages().get(msn - 1).getMimeMessage();
                    Matcher id = NOTIFICATION_ID.matcher(text(mail));
                    notification.set(id.find() ? id.group(1) : "a mail without a notification id");
                    messageId.set(messageIdOf(mail));
                    sprung.countDown();
                }

                @Override
                public void expunged(int msn) {
                }

                @Override
                public void flagsUpdated(int msn, Flags flags, Long uid) {
                }

                @Override
                public void mailboxDeleted() {
                }
            };
        }
    }

    // --- the load ---

    /** What the load had acknowledged, across every run of the application, and answers that should not have come. */
    static final class Book {
        private final Map<String, String> senders = new ConcurrentHashMap<>();
        private final List<String> kept = new CopyOnWriteArrayList<>();
        private final List<String> unexpected = new CopyOnWriteArrayList<>();
        private final AtomicInteger sent = new AtomicInteger();

        int entries() {
            return senders.size();
        }

        String sender(String submission) {
            return senders.get(submission);
        }

        /** Entries acknowledged and left alone (neither withdrawn nor handed to the organiser's ruling). */
        List<String> kept() {
            return List.copyOf(kept);
        }

        List<String> unexpected() {
            return List.copyOf(unexpected);
        }

        void awaitEntries(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (entries() < count) {
                if (System.nanoTime() > deadline || !unexpected.isEmpty()) {
                    throw new AssertionError("only " + entries() + " of " + count + " entries acknowledged in "
                            + timeout + "; unexpected answers: " + unexpected);
                }
                Thread.sleep(5);
            }
        }
    }

    /**
     * One client per entrant sending entries, one request at a time: of every three acknowledged, it withdraws one
     * at once, hands one to the organiser to rule ineligible, and keeps one. The organiser's client rules what it is
     * handed. A client stops when stopped or when the server dies under it (a request whose answer never came is
     * not sent again: what counts is what the ledger recorded).
     */
    static final class Load {
        private final List<Thread> clients = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final BlockingQueue<String> toRule = new LinkedBlockingQueue<>();

        static Load start(Api api, Map<String, String> tokens, Book book) {
            Load load = new Load();
            tokens.forEach((email, token) -> load.client("entrant " + email, () -> load.enter(api, email, token, book)));
            load.client("organiser", () -> load.rule(api, book));
            return load;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join(Duration.ofSeconds(40).toMillis());
            }
        }

        private void client(String name, Runnable work) {
            Thread client = new Thread(() -> {
                try {
                    work.run();
                } catch (UncheckedIOException serverGone) {
                    // killed under it: the ledger says what was recorded
                }
            }, name);
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }

        private void enter(Api api, String email, String token, Book book) {
            String entries = "/api/competitions/" + COMPETITION + "/entries";
            while (running.get()) {
                int n = book.sent.incrementAndGet();
                Reply submitted = api.post(entries).header("Authorization", "Bearer " + token)
                        .json(Festival.entry("Film " + n)).send();
                if (submitted.status() != 201) {
                    book.unexpected.add(email + " sending film " + n + ": " + submitted);
                    return;
                }
                String id = submitted.json().get("id").asText();
                book.senders.put(id, email);
                switch (n % 3) {
                    case 0 -> book.kept.add(id);
                    case 1 -> toRule.add(id);
                    default -> {
                        Reply withdrawn = api.post(entries + "/" + id + "/withdrawal")
                                .header("Authorization", "Bearer " + token)
                                .json(Map.of("reason", "A new cut is coming")).send();
                        if (withdrawn.status() != 200) {
                            book.unexpected.add(email + " withdrawing " + id + ": " + withdrawn);
                            return;
                        }
                    }
                }
            }
        }

        private void rule(Api api, Book book) {
            while (running.get()) {
                String id;
                try {
                    id = toRule.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (id == null) {
                    continue;
                }
                Reply ruled = api.post("/api/competitions/" + COMPETITION + "/submissions/" + id + "/ineligibility")
                        .as(ORGANISER).json(Map.of("reason", "No AI-use disclosure for the soundtrack")).send();
                if (ruled.status() != 200) {
                    book.unexpected.add("ruling " + id + ": " + ruled);
                    return;
                }
            }
        }
    }
}
