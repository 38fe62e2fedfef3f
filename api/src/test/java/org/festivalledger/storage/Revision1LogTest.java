package org.festivalledger.storage;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.festivalledger.audit.EventPayloads;
import org.festivalledger.audit.LedgerLines;
import org.festivalledger.audit.OfflineVerification;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.submission.SubmissionReceived;
import org.festivalledger.submission.SubmissionReceivedUpcaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger recorded before {@code SubmissionReceived} gained its revision 2 (the entrant's id), stored in the
 * repository as it was exported: today's application reads its revision-1 receipts as revision 2 with no entrant,
 * through the same upcaster chain the event store uses, and the offline verifier still verifies the whole log (its
 * chain, and every shortlist and award, which rest on the receipts' titles and times).
 */
class Revision1LogTest {

    @TempDir
    Path directory;

    @Test
    void revisionOneReceiptsAreReadAsRevisionTwoWithNoEntrant() throws Exception {
        List<StoredEvent> receipts = storedLog().stream()
                .filter(event -> event.payloadType().equals(SubmissionReceived.class.getName())).toList();
        assertThat(receipts).hasSize(490).allSatisfy(event -> assertThat(event.payloadRevision()).isEqualTo("1"));

        Serializer serializer = JacksonSerializer.builder().objectMapper(EventPayloads.objectMapper()).build();
        EventUpcasterChain upcasters = new EventUpcasterChain(new SubmissionReceivedUpcaster());
        List<IntermediateEventRepresentation> read = upcasters.upcast(receipts.stream()
                .map(event -> (IntermediateEventRepresentation) new InitialEventRepresentation(
                        new GenericDomainEventEntry<>(event.aggregateType(), event.aggregateId(), event.sequence(),
                                event.eventId(), event.timestamp(), event.payloadType(), event.payloadRevision(),
                                event.payload(), event.metadata()), serializer))).toList();

        assertThat(read).hasSize(receipts.size()).allSatisfy(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("2");
            SubmissionReceived received = serializer.deserialize(event.getData());
            assertThat(received.entrantId()).isNull();
            assertThat(received.entry().title()).isNotBlank();
            assertThat(received.receivedAt()).isNotNull();
        });
    }

    @Test
    void theOfflineVerifierStillVerifiesTheWholeLogAndEveryDecision() throws Exception {
        Path export = directory.resolve("ledger.jsonl");
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/ledger/revision-1-demo-log.jsonl.gz"))) {
            Files.copy(in, export);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = OfflineVerification.run(List.of(export.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private List<StoredEvent> storedLog() throws Exception {
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/ledger/revision-1-demo-log.jsonl.gz"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(LedgerLines::read).toList();
        }
    }
}
