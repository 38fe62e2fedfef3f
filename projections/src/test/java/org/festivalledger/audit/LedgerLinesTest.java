package org.festivalledger.audit;

import org.festivalledger.ledger.ChainHash;
import org.festivalledger.ledger.StoredEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The export format: a line read back is the event written, hash and all; anything else is named unreadable. */
class LedgerLinesTest {

    private static StoredEvent event(Instant timestamp, Instant recordedAt) {
        StoredEvent unhashed = new StoredEvent(7, "aigc/judging", "Judging", 3, "event-7",
                "org.festivalledger.scoring.ScoreRecorded", "1", "{\"comment\":\"a \\\"bold\\\" film\\n\u00e9\u5f71\"}",
                "{\"actor\":\"juror-1\"}", timestamp, recordedAt, ChainHash.GENESIS, null);
        return new StoredEvent(7, "aigc/judging", "Judging", 3, "event-7", unhashed.payloadType(), "1",
                unhashed.payload(), unhashed.metadata(), timestamp, recordedAt, ChainHash.GENESIS, ChainHash.of(unhashed));
    }

    private static String line(StoredEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var json = LedgerLines.generator(out)) {
            LedgerLines.write(event, json);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLineReadBackIsTheEventWrittenAndHashesAlike() throws IOException {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            long nanos = random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000) / (int) Math.pow(10, random.nextInt(7));
            Instant at = Instant.ofEpochSecond(random.nextLong() % 4_000_000_000L, nanos);
            StoredEvent event = event(at, at.plusMillis(random.nextInt(1000)));
            String line = line(event);

            assertThat(line).endsWith("}\n").doesNotStartWith(" ");
            StoredEvent read = LedgerLines.read(line.strip());
            assertThat(read).isEqualTo(event);
            assertThat(ChainHash.of(read)).isEqualTo(event.hash());
        }
    }

    @Test
    void instantsInAnyIsoFormReadAsInstantParseReadsThem() {
        for (String text : new String[]{"2026-04-20T10:00:00Z", "2026-04-20T10:00:00.000Z", "2026-04-20T10:00:00.5Z",
                "1969-12-31T23:59:59.999999999Z", "2024-02-29T00:00:00Z", "+12026-04-20T10:00:00Z",
                "2026-04-20T24:00:00Z", "2016-12-31T23:59:60Z"}) {
            StoredEvent read = LedgerLines.read("{\"position\":1,\"timestamp\":\"" + text + "\"}");
            assertThat(read.timestamp()).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : new String[]{"2026-02-30T10:00:00Z", "2026-04-20T25:00:00Z", "2026-04-20 10:00:00Z",
                "2026-04-20T10:00:00", "yesterday"}) {
            assertThatThrownBy(() -> LedgerLines.read("{\"position\":1,\"timestamp\":\"" + text + "\"}")).as(text)
                    .isInstanceOf(LedgerLines.UnreadableLine.class).hasMessageContaining("timestamp");
        }
    }

    @Test
    void whatIsNotOneEventIsUnreadable() {
        for (String line : new String[]{"", "[1]", "{\"position\":\"1\"}", "{\"hash\":\"abc\"}", "{\"position\":1} {}",
                "{\"position\":1,\"payload\":{\"not\":\"a string\"}}", "{\"position\":1"}) {
            assertThatThrownBy(() -> LedgerLines.read(line)).as(line).isInstanceOf(LedgerLines.UnreadableLine.class);
        }
        assertThat(LedgerLines.read("{\"position\":1,\"later\":{\"field\":[1,2]}}").position()).isEqualTo(1);
    }
}
