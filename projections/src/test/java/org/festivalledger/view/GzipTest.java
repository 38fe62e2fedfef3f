package org.festivalledger.view;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GzipTest {

    private final Random random = new Random(15);

    @Test
    void whatItCompressesTheJdksGzipReadsAndItExpandsAgainAtEverySizeAroundItsSlices() throws IOException {
        for (int size : new int[]{0, 1, 65_535, 65_536, 65_537, 3 * 1024 * 1024 + 7}) {
            byte[] data = snapshotLike(size);

            byte[] compressed = Gzip.compress(data);

            assertThat(jdkExpand(compressed)).as("size %d read by GZIPInputStream", size).isEqualTo(data);
            assertThat(Gzip.expand(compressed)).as("size %d read back", size).isEqualTo(data);
            if (size > 1_000) {
                assertThat(compressed.length).as("JSON-like text shrinks").isLessThan(size / 3);
            }
        }
    }

    @Test
    void snapshotsWrittenByTheJdksGzipBeforeAreReadBack() throws IOException {
        byte[] data = snapshotLike(500_000);
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(old)) {
            gzip.write(data);
        }

        assertThat(Gzip.expand(old.toByteArray())).isEqualTo(data);
    }

    @Test
    void aMemberWithOptionalHeaderFieldsIsReadToo() throws IOException {
        byte[] data = snapshotLike(10_000);
        byte[] plain = Gzip.compress(data);
        // The same member with a file name (FNAME) in its header, as gzip(1) writes.
        ByteArrayOutputStream named = new ByteArrayOutputStream();
        named.write(plain, 0, 3);
        named.write(0x08);
        named.write(plain, 4, 6);
        named.writeBytes("board.json\0".getBytes(StandardCharsets.ISO_8859_1));
        named.write(plain, 10, plain.length - 10);

        assertThat(Gzip.expand(named.toByteArray())).isEqualTo(data);
    }

    @Test
    void damagedOrCutDataIsRefusedNotReadAsSomethingElse() {
        byte[] compressed = Gzip.compress(snapshotLike(200_000));
        byte[] flipped = compressed.clone();
        flipped[flipped.length / 2] ^= 0x55;
        byte[] wrongChecksum = compressed.clone();
        wrongChecksum[wrongChecksum.length - 8] ^= 0x01;
        byte[] cut = java.util.Arrays.copyOf(compressed, compressed.length / 2);

        assertThatThrownBy(() -> Gzip.expand(flipped)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Gzip.expand(wrongChecksum)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Gzip.expand(cut)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Gzip.expand("{\"not\":\"gzip\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    /** Text shaped like a board snapshot: repetitive keys, varying numbers. */
    private byte[] snapshotLike(int size) {
        StringBuilder text = new StringBuilder(size + 100);
        while (text.length() < size) {
            text.append("{\"jurorId\":\"j").append(random.nextInt(100)).append("\",\"submissionId\":\"e")
                    .append(random.nextInt(10_000)).append("\",\"marks\":[").append(random.nextInt(11)).append(',')
                    .append(random.nextInt(11)).append("]},");
        }
        return text.substring(0, size).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] jdkExpand(byte[] compressed) throws IOException {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return gzip.readAllBytes();
        }
    }
}
