package org.festivalledger.view;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * Gzip (RFC 1952) of the views' snapshots, compressed and expanded through direct buffers only.
 * <p>
 * The JDK's {@code GZIPOutputStream} and {@code GZIPInputStream} hand heap arrays to zlib, which pins them: while
 * any thread is in zlib on a heap array, Java 17's G1 cannot collect (the GC locker), and an allocation that needs a
 * collection meanwhile may give up with an {@code OutOfMemoryError} on a heap that is far from full ("Retried
 * waiting for GCLocker too often"). A first start at 160,000 events gzips a checkpoint of the judging every 2,000
 * events beside the store's commits, which allocate megabytes for the large documents they write; one such
 * error in a commit made H2 close the store, and every view stopped where it was. From direct buffers zlib reads
 * and writes by address, and nothing is pinned.
 * <p>
 * What is written is what {@code GZIPOutputStream} writes (one member, no optional header fields), and what was
 * written by it before is read back; a member with optional fields is left to {@code GZIPInputStream}.
 */
final class Gzip {

    private static final int SLICE = 64 * 1024;
    private static final int HEADER_BYTES = 10;
    private static final int TRAILER_BYTES = 8;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private Gzip() {
    }

    static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        CRC32 crc = new CRC32();
        ByteBuffer in = ByteBuffer.allocateDirect(SLICE);
        Drain out = new Drain(data.length / 4 + HEADER_BYTES + TRAILER_BYTES);
        out.bytes.writeBytes(HEADER);
        try {
            for (int offset = 0; offset < data.length; offset += SLICE) {
                in.clear();
                in.put(data, offset, Math.min(SLICE, data.length - offset)).flip();
                crc.update(in.duplicate());
                deflater.setInput(in);
                while (!deflater.needsInput()) {
                    out.take(deflater.deflate(out.buffer), null);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.take(deflater.deflate(out.buffer), null);
            }
        } finally {
            deflater.end();
        }
        writeIntLittleEndian(out.bytes, (int) crc.getValue());
        writeIntLittleEndian(out.bytes, data.length); // ISIZE: the length modulo 2^32
        return out.bytes.toByteArray();
    }

    static byte[] expand(byte[] gzip) throws IOException {
        if (gzip.length < HEADER_BYTES + TRAILER_BYTES || gzip[0] != 0x1f || (gzip[1] & 0xff) != 0x8b
                || gzip[2] != Deflater.DEFLATED) {
            throw new IOException("not gzip");
        }
        if (gzip[3] != 0) {
            // Optional header fields: never written here, but any gzip reader reads them.
            try (GZIPInputStream stream = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
                return stream.readAllBytes();
            }
        }
        int end = gzip.length - TRAILER_BYTES;
        Inflater inflater = new Inflater(true);
        CRC32 crc = new CRC32();
        ByteBuffer in = ByteBuffer.allocateDirect(SLICE);
        // The length it claims, as a first capacity only: a damaged trailer must not ask for gigabytes.
        Drain out = new Drain(Math.min(Math.max(SLICE, readIntLittleEndian(gzip, end + 4)), 64 * 1024 * 1024));
        try {
            int offset = HEADER_BYTES;
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    if (offset >= end) {
                        throw new EOFException("gzip data ends before its last block");
                    }
                    int length = Math.min(SLICE, end - offset);
                    in.clear();
                    in.put(gzip, offset, length).flip();
                    offset += length;
                    inflater.setInput(in);
                }
                int produced = inflater.inflate(out.buffer);
                if (produced == 0 && inflater.needsDictionary()) {
                    throw new IOException("gzip data asks for a preset dictionary");
                }
                out.take(produced, crc);
            }
        } catch (DataFormatException e) {
            throw new IOException("damaged gzip data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        byte[] expanded = out.bytes.toByteArray();
        if ((int) crc.getValue() != readIntLittleEndian(gzip, end) || expanded.length != readIntLittleEndian(gzip, end + 4)) {
            throw new IOException("gzip data does not match its checksum or length");
        }
        return expanded;
    }

    /** A direct buffer zlib writes into, emptied into a growing array after each call. */
    private static final class Drain {
        final ByteBuffer buffer = ByteBuffer.allocateDirect(SLICE);
        final ByteArrayOutputStream bytes;
        private final byte[] copy = new byte[SLICE];

        Drain(int expectedBytes) {
            this.bytes = new ByteArrayOutputStream(expectedBytes);
        }

        void take(int produced, CRC32 crc) {
            buffer.flip();
            if (crc != null) {
                crc.update(buffer.duplicate());
            }
            buffer.get(copy, 0, produced);
            bytes.write(copy, 0, produced);
            buffer.clear();
        }
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    private static int readIntLittleEndian(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }
}
