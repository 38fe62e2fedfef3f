package org.festivalledger.ledger.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collections' value type writes documents as BSON and reads back exactly what it wrote, and a file written
 * with H2's own type (before this type existed) is read, updated and read again.
 */
class DocumentValueTypeTest {

    @TempDir
    Path directory;

    @Test
    void everyKindOfValueTheStoreHoldsComesBackEqual() {
        Document commit = new Document("_id", 70_718L)
                .append("aggregate", "judging-festival").append("sequence", 48_211)
                .append("recordedAt", Instant.ofEpochMilli(1_796_000_000_123L))
                .append("score", 7.25).append("withdrawn", false).append("note", null)
                .append("hash", new BinData(new byte[]{0, 1, 2, (byte) 255}))
                .append("keys", List.of("idem-1", "idem-2"))
                .append("events", List.of(new Document("type", "ScoreRecorded").append("payload",
                        new Document("criteria", List.of(8, 7, 9)).append("juror", "juror-17"))))
                .append("objectId", new ObjectId()).append("uuid", UUID.randomUUID())
                .append("decimal", new Decimal128(new BigDecimal("12.50")))
                .append("text", "評審 — jury 🎬");

        ByteBuffer written = written(commit);

        assertThat(written.get(0)).as("the tag of a BSON document").isEqualTo(DocumentValueType.BSON_DOCUMENT);
        assertThat(new DocumentValueType().read(written)).isEqualTo(commit);
        assertThat(written.remaining()).as("the value read to its end").isZero();
    }

    @Test
    void valuesThatAreNotDocumentsAreWrittenAsH2WritesThem() {
        for (Object value : new Object[]{42L, "festival", 3}) {
            ByteBuffer ours = written(value);
            WriteBuffer h2 = new WriteBuffer();
            new ObjectDataType().write(h2, value);
            assertThat(ours).isEqualTo(h2.getBuffer().flip());
            assertThat(new DocumentValueType().read(ours)).isEqualTo(value);
        }
    }

    @Test
    void aDocumentHoldingAValueBsonHasNoTypeForIsWrittenAsH2WouldAndReadBack() {
        Document odd = new Document("_id", "odd").append("small", (short) 3); // BSON has no 16-bit integer

        ByteBuffer written = written(odd);

        assertThat(written.get(0)).isNotEqualTo(DocumentValueType.BSON_DOCUMENT);
        assertThat(new DocumentValueType().read(written)).isEqualTo(odd);
    }

    @Test
    void aDocumentTakesFewerBytesThanH2sJavaSerialisationOfIt() { // 624 against 1,036 bytes here
        Document commit = new Document("_id", 1L).append("aggregate", "judging-festival").append("sequence", 2)
                .append("events", List.of(new Document("type", "ScoreRecorded").append("payload", "x".repeat(500))));
        WriteBuffer h2 = new WriteBuffer();
        new ObjectDataType().write(h2, commit);

        assertThat(written(commit).remaining()).isLessThan(h2.position());
    }

    @Test
    void aLargeDocumentIsCountedAtLeastAtItsSize() {
        Document large = new Document("_id", "snapshot#0").append("data", new BinData(new byte[4 << 20]));

        assertThat(new DocumentValueType().getMemory(large)).isGreaterThan(4 << 20);
    }

    @Test
    void aStoreWrittenWithH2sOwnValueTypeIsReadUpdatedAndReadAgainWithThisOne() {
        Path file = directory.resolve(EmbeddedMongoStore.FILE_NAME);
        List<org.bson.Document> before = new ArrayList<>();
        MVStore plain = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer server = new MongoServer(new H2Backend(plain));
        try (MongoClient client = MongoClients.create("mongodb://" + address(server.bind()))) {
            MongoCollection<org.bson.Document> ledger = client.getDatabase("festival").getCollection("ledger_commits");
            for (long i = 1; i <= 2_000; i++) {
                org.bson.Document commit = new org.bson.Document("_id", i).append("aggregate", "judging-" + i % 7)
                        .append("payload", "score " + i).append("at", new java.util.Date(1_796_000_000_000L + i));
                ledger.insertOne(commit);
                before.add(commit);
            }
        } finally {
            server.shutdown();
            plain.close();
        }

        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(directory, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<org.bson.Document> ledger = client.getDatabase("festival").getCollection("ledger_commits");
            assertThat(ledger.find().sort(new org.bson.Document("_id", 1))).containsExactlyElementsOf(before);
            ledger.updateOne(Filters.eq("_id", 5L), Updates.set("payload", "revised"));
            before.get(4).put("payload", "revised");
            ledger.insertOne(new org.bson.Document("_id", 2_001L).append("payload", "new"));
            before.add(new org.bson.Document("_id", 2_001L).append("payload", "new"));
            assertThat(store.documentValueTypes()).isNotEmpty()
                    .allSatisfy(type -> assertThat(type).isInstanceOf(DocumentValueType.class));
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(directory, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<org.bson.Document> ledger = client.getDatabase("festival").getCollection("ledger_commits");
            assertThat(ledger.find().sort(new org.bson.Document("_id", 1))).as("old and new values in one file")
                    .containsExactlyElementsOf(before);
        }
    }

    private static ByteBuffer written(Object value) {
        WriteBuffer buffer = new WriteBuffer();
        new DocumentValueType().write(buffer, value);
        return buffer.getBuffer().flip();
    }

    private static String address(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
