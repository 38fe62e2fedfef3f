package org.festivalledger.ledger.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Java serialisation of a unique index's key ({@link KeyValue}), byte for byte what H2's
 * {@link ObjectDataType#serialize} gives, without an {@code ObjectOutputStream} for the common keys.
 * <p>
 * H2 orders these keys by their serialised bytes and writes those bytes into every page it stores, so the store
 * serialised the same kinds of keys at every commit: in a flight recording of the scoring load a quarter of all the
 * application's allocation and about a twelfth of its CPU was {@code ObjectOutputStream}, for index keys alone.
 * <p>
 * A key of one to three strings, doubles, longs or integers has a fixed
 * shape: the same class descriptions around its values. So the first key of each shape is serialised once with
 * marker values, the bytes between the markers are kept as the shape's template, and every later key of that shape is
 * the template with its own values' bytes in the gaps. A template is checked against a real serialisation before it
 * is used, and keys of any other shape (a document, a boolean, a value twice as the same object) are serialised as
 * H2 would: so the bytes, and with them the order of the trees and the files on disk, never differ from H2's.
 */
final class KeyBytes {

    private static final byte TC_STRING = 0x74;
    private static final byte TC_LONGSTRING = 0x7C;
    private static final int MAX_VALUES = 3;
    /** One entry per shape met (the classes of a key's values): its template, or empty if it has none. */
    private static final Map<List<Class<?>>, Optional<Template>> TEMPLATES = new ConcurrentHashMap<>();

    private KeyBytes() {
    }

    /** Exactly {@code ObjectDataType.serialize(key)}. */
    static byte[] of(KeyValue key) {
        List<Class<?>> shape = shapeOf(key);
        if (shape == null) {
            return ObjectDataType.serialize(key);
        }
        Optional<Template> template = TEMPLATES.computeIfAbsent(shape, KeyBytes::templateFor);
        return template.isPresent() ? template.get().fill(key) : ObjectDataType.serialize(key);
    }

    /** Whether keys like this one are filled into a template rather than serialised (for the tests). */
    static boolean templated(KeyValue key) {
        List<Class<?>> shape = shapeOf(key);
        return shape != null && TEMPLATES.computeIfAbsent(shape, KeyBytes::templateFor).isPresent();
    }

    /**
     * The classes of the key's values, or null when no template could serve it: other classes, more values, or one
     * object twice (Java serialisation writes the second time as a reference to the first).
     */
    private static List<Class<?>> shapeOf(KeyValue key) {
        int size = key.size();
        if (size == 0 || size > MAX_VALUES) {
            return null;
        }
        Class<?>[] classes = new Class<?>[size];
        for (int i = 0; i < size; i++) {
            Object value = key.get(i);
            if (!(value instanceof String || value instanceof Double || value instanceof Long || value instanceof Integer)) {
                return null;
            }
            for (int j = 0; j < i; j++) {
                if (key.get(j) == value) {
                    return null;
                }
            }
            classes[i] = value.getClass();
        }
        return List.of(classes);
    }

    private static Optional<Template> templateFor(List<Class<?>> shape) {
        try {
            Template template = Template.of(shape, markers(shape, 0));
            // Checked on other values (a longer string among them) before any key is written with it.
            KeyValue check = new KeyValue(markers(shape, 1).toArray());
            return Arrays.equals(template.fill(check), ObjectDataType.serialize(check))
                    ? Optional.of(template) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // a marker not found: this shape is serialised by H2, as before
        }
    }

    /** Values no class description contains; each a new object, so none is written as a reference. */
    private static List<Object> markers(List<Class<?>> shape, int variant) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < shape.size(); i++) {
            Class<?> type = shape.get(i);
            if (type == String.class) {
                values.add(new String("\u0000festival-key-marker-" + i + "-" + "\u00e9\u4e2d".repeat(variant * 40)));
            } else if (type == Double.class) {
                values.add(Double.valueOf(Double.longBitsToDouble(0x4A17_4C3D_2B1E_0F00L + i * 0x0101L + variant)));
            } else if (type == Long.class) {
                values.add(Long.valueOf(0x5A17_4C3D_2B1E_0F00L + i * 0x0101L + variant));
            } else {
                values.add(Integer.valueOf(0x5A17_4C00 + i * 0x11 + variant));
            }
        }
        return values;
    }

    /** The bytes around a shape's values: {@code gaps[0] value[0] gaps[1] … value[n-1] gaps[n]}. */
    private record Template(byte[][] gaps) {

        static Template of(List<Class<?>> shape, List<Object> markers) {
            byte[] sample = ObjectDataType.serialize(new KeyValue(markers.toArray()));
            byte[][] gaps = new byte[markers.size() + 1][];
            int from = 0;
            for (int i = 0; i < markers.size(); i++) {
                byte[] marker = encode(markers.get(i));
                int at = indexOf(sample, marker, from);
                if (at < 0) {
                    throw new IllegalStateException("marker " + i + " of " + shape + " not in its serialisation");
                }
                gaps[i] = Arrays.copyOfRange(sample, from, at);
                from = at + marker.length;
            }
            gaps[markers.size()] = Arrays.copyOfRange(sample, from, sample.length);
            return new Template(gaps);
        }

        byte[] fill(KeyValue key) {
            byte[][] values = new byte[key.size()][];
            int length = 0;
            for (int i = 0; i < values.length; i++) {
                values[i] = encode(key.get(i));
                length += gaps[i].length + values[i].length;
            }
            length += gaps[values.length].length;
            byte[] bytes = new byte[length];
            int at = 0;
            for (int i = 0; i < values.length; i++) {
                System.arraycopy(gaps[i], 0, bytes, at, gaps[i].length);
                at += gaps[i].length;
                System.arraycopy(values[i], 0, bytes, at, values[i].length);
                at += values[i].length;
            }
            System.arraycopy(gaps[values.length], 0, bytes, at, gaps[values.length].length);
            return bytes;
        }
    }

    /**
     * A value's own bytes in the stream: a string as {@code ObjectOutputStream.writeString} writes it (its tag, length
     * and modified UTF-8), a number as its field's big-endian bytes (its class is in the template).
     */
    private static byte[] encode(Object value) {
        if (value instanceof String text) {
            return string(text);
        }
        // A double as ObjectOutputStream writes its field: the bits of Double.doubleToLongBits (one NaN for all).
        long number = value instanceof Double d ? Double.doubleToLongBits(d) : value instanceof Long l ? l : (Integer) value;
        int width = value instanceof Integer ? 4 : 8;
        byte[] bytes = new byte[width];
        for (int i = 0; i < width; i++) {
            bytes[i] = (byte) (number >>> (8 * (width - 1 - i)));
        }
        return bytes;
    }

    private static byte[] string(String text) {
        long utf = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            utf += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        boolean isLong = utf > 0xFFFF;
        int header = isLong ? 9 : 3;
        byte[] bytes = new byte[header + (int) utf];
        bytes[0] = isLong ? TC_LONGSTRING : TC_STRING;
        for (int i = 1; i < header; i++) {
            bytes[i] = (byte) (utf >>> (8 * (header - 1 - i)));
        }
        int at = header;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                bytes[at++] = (byte) c;
            } else if (c <= 0x07FF) {
                bytes[at++] = (byte) (0xC0 | (c >> 6));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                bytes[at++] = (byte) (0xE0 | (c >> 12));
                bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
