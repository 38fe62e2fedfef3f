package org.festivalledger.ledger.embedded;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A probe, not a test ({@code mvn -o -B -q test -pl ledger -Dtest=DocumentValueTypeProbe -Dstore.probe=true
 * -Dsurefire.failIfNoSpecifiedTests=false}): what writing and reading a page of ledger commits costs with H2's own
 * value type and with {@link DocumentValueType}, in the same run, and how many bytes a commit takes. Each of 2,000
 * commit documents shaped like a juror's score is written into a page buffer and read back, ten times per round, for
 * eight rounds; the last round's figures are printed.
 */
@EnabledIfSystemProperty(named = "store.probe", matches = "true")
class DocumentValueTypeProbe {

    @Test
    void writeAndReadAPageOfCommits() {
        Document[] commits = new Document[2_000];
        for (int i = 0; i < commits.length; i++) {
            commits[i] = new Document("_id", (long) i).append("aggregate", "judging-festival").append("sequence", i)
                    .append("recordedAt", Instant.ofEpochMilli(1_796_000_000_000L + i))
                    .append("hash", new BinData(new byte[32])).append("keys", List.of("idem-" + i))
                    .append("events", List.of(new Document("type", "org.festivalledger.judging.ScoreRecorded")
                            .append("revision", "1")
                            .append("payload", "{\"judgingId\":\"festival\",\"round\":\"round-1\",\"entry\":\"entry-" + i
                                    + "\",\"juror\":\"juror-17\",\"marks\":[8,7,9]}")
                            .append("metadata", new Document("actor", "juror-17").append("origin", "http"))));
        }
        Measured h2 = null;
        Measured ours = null;
        for (int round = 0; round < 8; round++) {
            h2 = measure(new ObjectDataType(), commits);
            ours = measure(new DocumentValueType(), commits);
        }
        System.out.println("H2's ObjectDataType:  " + h2.figures());
        System.out.println("DocumentValueType:    " + ours.figures());
        assertThat(ours.readBack()).as("what BSON gives back").containsExactly(commits);
        assertThat(ours.bytesPerCommit()).isLessThan(h2.bytesPerCommit());
    }

    /** One round's figures, and the documents it read back (a probe that misreads measures nothing). */
    private record Measured(String figures, int bytesPerCommit, Object[] readBack) {
    }

    private static Measured measure(ObjectDataType type, Document[] commits) {
        WriteBuffer page = new WriteBuffer();
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            page.clear();
            type.write(page, commits, commits.length);
        }
        long written = System.nanoTime();
        int bytes = page.position();
        ByteBuffer in = page.getBuffer().flip();
        Object[] read = new Object[commits.length];
        long reading = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            in.position(0);
            type.read(in, read, commits.length);
        }
        long done = System.nanoTime();
        int count = 10 * commits.length;
        return new Measured(String.format(Locale.ROOT, "write %.2f µs, read %.2f µs, %d bytes per commit",
                (written - started) / 1e3 / count, (done - reading) / 1e3 / count, bytes / commits.length),
                bytes / commits.length, read);
    }
}
