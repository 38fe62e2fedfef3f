package org.festivalledger.ledger.embedded;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * The value type of the embedded store's collections: a document is written to the file as BSON, the form it came
 * over the wire in, instead of as a Java serialisation.
 * <p>
 * mongo-java-server keeps each collection as an H2 map from {@code _id} to its {@link Document}, with H2's default
 * {@link ObjectDataType}, which writes a value of a type it does not know through a new {@code ObjectOutputStream}
 * (class descriptors and all) every time the page holding it is written, and reads it back the same way. A page is
 * rewritten whole whenever one of its documents changes, so every commit serialised a few pages of documents again:
 * a profile of the festival benchmark had a third of the CPU in commits, most of it there. BSON is written and read
 * in one pass with no per-value setup, and takes fewer bytes.
 * <p>
 * Files written before this type stay readable: each value still starts with a tag byte, and {@link #BSON_DOCUMENT}
 * is one H2's type never writes, so a value with any other tag is read by H2's type as before (and rewritten as BSON
 * the next time its page is written). An older version of the application refuses a file written with this type
 * ("Unknown tag 120": it cannot read it) rather than misreading it. A value that is not a document, or a document
 * holding a value BSON cannot carry, is left to H2's type.
 */
final class DocumentValueType extends ObjectDataType {

    /** The tag of a BSON document; H2's own tags are 0–19, 32–49 and 64–119. */
    static final byte BSON_DOCUMENT = 120;

    /** Bytes of the documents written lately, on average: the first guess at the size of the next one's BSON. */
    private volatile int averageSize = 1_024;

    @Override
    public void write(WriteBuffer buff, Object obj) {
        ByteBuf bson = obj instanceof Document document ? bson(document) : null;
        if (bson == null) {
            super.write(buff, obj);
            return;
        }
        averageSize = (averageSize * 15 + bson.readableBytes()) / 16;
        buff.put(BSON_DOCUMENT).put(bson.nioBuffer());
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON_DOCUMENT) {
            return super.read(buff);
        }
        buff.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buff.slice()); // BSON starts with its own length
        Document document = BsonDecoder.decodeBson(bson);
        buff.position(buff.position() + bson.readerIndex());
        return document;
    }

    /**
     * The heap a document takes, estimated from its contents. H2 asks for it as documents are written (sampling once
     * it has seen a few hundred), and commits once the unsaved pages' sum is large; its own type counted every
     * document as the average Java serialisation seen so far, so a burst of large documents was undercounted.
     */
    @Override
    public int getMemory(Object obj) {
        return obj instanceof Document document ? (int) Math.min(Integer.MAX_VALUE, heapBytes(document))
                : super.getMemory(obj);
    }

    private static long heapBytes(Object value) {
        if (value instanceof Map<?, ?> map) {
            long bytes = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                bytes += 32 + heapBytes(entry.getKey()) + heapBytes(entry.getValue());
            }
            return bytes;
        }
        if (value instanceof Collection<?> values) {
            long bytes = 32;
            for (Object element : values) {
                bytes += 8 + heapBytes(element);
            }
            return bytes;
        }
        if (value instanceof String text) {
            return 48 + text.length();
        }
        if (value instanceof BinData binary) {
            return 32 + binary.getData().length;
        }
        return 24;
    }

    /** The document as BSON, or null if it holds a value BSON has no type for (then H2's type writes it). */
    private ByteBuf bson(Document document) {
        // On the heap (nothing to release); it grows as needed, and a few large snapshot chunks must not make every
        // later small document start with a large buffer.
        ByteBuf out = Unpooled.buffer(Math.min(averageSize * 2, 64 * 1024));
        try {
            BsonEncoder.encodeDocument(document, out);
            return out;
        } catch (IllegalArgumentException | ClassCastException notBson) {
            return null;
        }
    }
}
