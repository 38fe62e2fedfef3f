package org.festivalledger.ledger.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

/**
 * The key type of the embedded store's unique indexes: H2's own {@link ObjectDataType}, in the same order and with
 * the same bytes on disk, but without serialising the same key again and again to compare it.
 * <p>
 * mongo-java-server keeps each unique index as an H2 map from {@link KeyValue} to a document's position. A
 * {@code KeyValue} is neither a type H2 knows nor {@link Comparable}, so H2 orders two keys by comparing their Java
 * serialisations, which it computes anew for both keys at every step of every binary search: a profile of the
 * festival benchmark had the store's threads spend over half their time in {@code ObjectOutputStream} for index
 * lookups alone (the ledger's appends and reads are all exact-key lookups, see {@code LedgerLog}).
 * <p>
 * Here the key searched for is serialised once per search, and the serialised form of keys held in the tree's pages
 * is remembered in a small cache keyed by identity (the upper pages' keys are met by every search). The order is
 * the same comparison of the same bytes ({@link ObjectDataType#compareNotNull}), so files written before and after
 * this type hold the same trees. The bytes come from {@link KeyBytes} (no {@code ObjectOutputStream} for the usual
 * keys), and pages are written and read in H2's format, with the bytes of keys read remembered for their next write.
 */
final class IndexKeyType extends ObjectDataType {

    // 4,096 keys a map: the tree's upper pages (met by every search) fit many times over, and 20 index maps stay
    // within a few megabytes of heap (the cache holds its keys strongly; at 1 << 14 slots it held ~12 MB).
    private static final int CACHE_SLOTS = 1 << 12;

    /** One remembered key and its serialised form; immutable, so a racy read of a slot sees a whole entry. */
    private record Serialised(Object key, byte[] bytes) {
    }

    /** H2's tag for a Java-serialised object in a page (ObjectDataType.TYPE_SERIALIZED_OBJECT, package-private there). */
    private static final byte SERIALIZED_OBJECT = 19;

    private final Serialised[] cache = new Serialised[CACHE_SLOTS];

    /** H2's starting estimate of a serialised key's memory; races between threads only blur an estimate. */
    private int averageMemory = 10_000;

    // One lookup searches every page from the root to a leaf with the same key object: serialised once, not once a
    // page. Each serialisation builds an ObjectOutputStream of a few kilobytes, and this search was the largest
    // allocation site in a flight recording of the scoring load. Per thread, as H2 searches from many.
    private final ThreadLocal<Serialised> lastSearched = new ThreadLocal<>();

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return compareNotNull(serialised(a), serialised(b));
        }
        return super.compare(a, b);
    }

    /** As {@code BasicDataType.binarySearch}, with the key searched for serialised once instead of once per step. */
    @Override
    public int binarySearch(Object key, Object storageObj, int size, int initialGuess) {
        if (!(key instanceof KeyValue)) {
            return super.binarySearch(key, storageObj, size, initialGuess);
        }
        byte[] wanted = searched((KeyValue) key);
        Object[] storage = cast(storageObj);
        int low = 0;
        int high = size - 1;
        int x = initialGuess - 1;
        if (x < 0 || x > high) {
            x = high >>> 1;
        }
        while (low <= high) {
            Object held = storage[x];
            int compare = held instanceof KeyValue ? compareNotNull(wanted, serialised(held)) : super.compare(key, held);
            if (compare > 0) {
                low = x + 1;
            } else if (compare < 0) {
                high = x - 1;
            } else {
                return x;
            }
            x = (low + high) >>> 1;
        }
        return ~low;
    }

    private byte[] searched(KeyValue key) {
        Serialised last = lastSearched.get();
        if (last != null && last.key() == key) {
            return last.bytes();
        }
        byte[] bytes = KeyBytes.of(key);
        if (immutable(key)) {
            lastSearched.set(new Serialised(key, bytes));
        }
        return bytes;
    }

    private byte[] serialised(Object key) {
        int slot = System.identityHashCode(key) & (CACHE_SLOTS - 1);
        Serialised remembered = cache[slot];
        if (remembered != null && remembered.key() == key) {
            return remembered.bytes();
        }
        byte[] bytes = KeyBytes.of((KeyValue) key);
        remember(key, bytes);
        return bytes;
    }

    private void remember(Object key, byte[] bytes) {
        if (immutable((KeyValue) key)) {
            cache[System.identityHashCode(key) & (CACHE_SLOTS - 1)] = new Serialised(key, bytes);
        }
    }

    /**
     * As H2 writes a key it does not know (its tag, the length, the Java serialisation), with the bytes from
     * {@link KeyBytes} or the cache: H2 serialised every key of every page it stored anew.
     */
    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (!(obj instanceof KeyValue)) {
            super.write(buff, obj);
            return;
        }
        byte[] bytes = serialised(obj);
        averageMemory = (int) ((bytes.length * 2 + 15L * averageMemory) / 16);
        buff.put(SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
    }

    /** As H2 reads a key, remembering its bytes: the page's keys are compared and written again without serialising. */
    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != SERIALIZED_OBJECT) {
            return super.read(buff);
        }
        buff.get();
        byte[] bytes = new byte[DataUtils.readVarInt(buff)];
        buff.get(bytes);
        Object key = deserialize(bytes);
        if (key instanceof KeyValue) {
            averageMemory = (int) ((bytes.length * 2 + 15L * averageMemory) / 16);
            remember(key, bytes);
        }
        return key;
    }

    /**
     * What H2 counts for a key in a page's memory: the moving average of twice the serialised size, as its own type
     * keeps (and updated on the same writes and reads, which no longer reach it). It decides when a page is split.
     */
    @Override
    public int getMemory(Object obj) {
        return obj instanceof KeyValue ? averageMemory : super.getMemory(obj);
    }

    /** Only keys of immutable values may be remembered: a key holding a document could change under the cache. */
    private static boolean immutable(KeyValue key) {
        for (Object value : key) {
            if (value != null && !(value instanceof String || value instanceof Long || value instanceof Integer
                    || value instanceof Double || value instanceof Boolean || value instanceof BigDecimal
                    || value instanceof Instant || value instanceof UUID || value instanceof ObjectId)) {
                return false;
            }
        }
        return true;
    }
}
