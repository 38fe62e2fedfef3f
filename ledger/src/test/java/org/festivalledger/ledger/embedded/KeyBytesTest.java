package org.festivalledger.ledger.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index key's bytes are exactly H2's Java serialisation of it, whatever its values, and pages of keys are written
 * and read in H2's format: files written before and after stay the same.
 */
class KeyBytesTest {

    private final Random random = new Random(2026_12_02);

    @Test
    void aKeysBytesAreExactlyItsJavaSerialisationAsH2WritesIt() {
        for (KeyValue key : keys(3_000)) {
            assertThat(KeyBytes.of(key)).as("%s", key).isEqualTo(ObjectDataType.serialize(key));
        }
    }

    @Test
    void theKeysOfTheLedgersAndAxonsIndexesAreFilledIntoATemplateNotSerialised() {
        assertThat(List.of(new KeyValue("judging/bench/score/e-1/j-1"), new KeyValue(65_264L), new KeyValue(65_264.0), new KeyValue(7),
                new KeyValue("judging", 3L), new KeyValue("standings", 0), new KeyValue(1, "two", 3L)))
                .allMatch(KeyBytes::templated);
        assertThat(KeyBytes.templated(new KeyValue(new Document("n", 7L)))).isFalse();
    }

    @Test
    void keysOfEveryOtherShapeAreSerialisedAsH2Does() {
        String same = "the same object twice";
        Long one = 1L; // boxed from the cache: the same object
        List<KeyValue> others = List.of(new KeyValue(same, same), new KeyValue(one, one), new KeyValue(true), new KeyValue(new Document("n", 7L)), new KeyValue("a", "b", "c", "d"),
                new KeyValue((Object) null), new KeyValue("x", null));
        for (KeyValue key : others) {
            assertThat(KeyBytes.of(key)).as("%s", key).isEqualTo(ObjectDataType.serialize(key));
        }
    }

    @Test
    void pagesOfKeysAreWrittenAndReadInH2sOwnFormat() {
        ObjectDataType h2 = new ObjectDataType();
        IndexKeyType ours = new IndexKeyType();
        KeyValue[] page = keys(500).toArray(KeyValue[]::new);

        byte[] written = written(ours, page);
        assertThat(written).isEqualTo(written(h2, page));

        KeyValue[] readByOurs = new KeyValue[page.length];
        ours.read(ByteBuffer.wrap(written), readByOurs, page.length);
        KeyValue[] readByH2 = new KeyValue[page.length];
        h2.read(ByteBuffer.wrap(written), readByH2, page.length);
        assertThat(readByOurs).containsExactly(page).containsExactly(readByH2);
        // Written again from what was read (the remembered bytes): still the same page.
        assertThat(written(ours, readByOurs)).isEqualTo(written);
    }

    @Test
    void aKeyCountsInAPagesMemoryAsH2CountsIt() {
        ObjectDataType h2 = new ObjectDataType();
        IndexKeyType ours = new IndexKeyType();
        KeyValue[] page = keys(200).toArray(KeyValue[]::new);
        written(h2, page);
        written(ours, page);
        KeyValue key = new KeyValue("judging-bench");
        assertThat(ours.getMemory(key)).isEqualTo(h2.getMemory(key));
    }

    private static byte[] written(ObjectDataType type, KeyValue[] keys) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, keys, keys.length);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return copy;
    }

    private List<KeyValue> keys(int count) {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(switch (random.nextInt(9)) {
                case 0 -> new KeyValue(text());
                case 1 -> new KeyValue(random.nextLong());
                case 2 -> new KeyValue(text(), random.nextLong());
                case 3 -> new KeyValue(text(), random.nextInt());
                case 4 -> new KeyValue(random.nextInt(), text(), random.nextLong());
                case 5 -> new KeyValue((long) random.nextInt(3), random.nextDouble()); // small longs: boxed from the cache
                case 7 -> new KeyValue(switch (random.nextInt(5)) { // mongo-java-server keeps numbers as doubles
                    case 0 -> Double.NaN;
                    case 1 -> -0.0;
                    case 2 -> Double.NEGATIVE_INFINITY;
                    case 3 -> Double.longBitsToDouble(0x7ff8_0000_0000_0001L); // another NaN: written as the one NaN
                    default -> (double) random.nextInt(200_000);
                });
                case 6 -> new KeyValue("k".repeat(70_000 + random.nextInt(3))); // past 65,535 bytes: a long string
                default -> new KeyValue(random.nextBoolean() ? Integer.MIN_VALUE : Long.MAX_VALUE);
            });
        }
        return keys;
    }

    /** Texts of every kind of character: ASCII, NUL, two- and three-byte ones, halves of surrogate pairs. */
    private String text() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(6)) {
                case 0 -> '\u0000';
                case 1 -> (char) (0x80 + random.nextInt(0x780));
                case 2 -> (char) (0x800 + random.nextInt(0xF7FF));
                case 3 -> "\uD83C\uDFAC"; // a clapper board: a surrogate pair
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return text.toString();
    }
}
