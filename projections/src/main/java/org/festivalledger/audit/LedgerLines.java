package org.festivalledger.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.festivalledger.ledger.StoredEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The auditor's export format: the ledger as JSON Lines, one {@link StoredEvent} per line with every field the
 * hash covers. Payload and metadata are JSON <em>strings</em> holding the JSON text exactly as hashed, and instants
 * are written as {@link Instant#toString()} prints them, so a line read back hashes to the same value.
 *
 * <pre>{"position":1,"aggregateId":"…","aggregateType":"Competition","sequence":0,"eventId":"…",
 * "payloadType":"org.festivalledger.competition.CompetitionAnnounced","payloadRevision":"1","payload":"{…}",
 * "metadata":"{…}","timestamp":"…Z","recordedAt":"…Z","previousHash":"000…","hash":"…"}</pre>
 */
public final class LedgerLines {

    /** The media type of an export. */
    public static final String MEDIA_TYPE = "application/x-ndjson";

    private static final JsonFactory JSON = new JsonFactory();

    private LedgerLines() {
    }

    /** Writes one event as one line (with its line feed). The generator must not pretty-print. */
    public static void write(StoredEvent event, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("position", event.position());
        json.writeStringField("aggregateId", event.aggregateId());
        json.writeStringField("aggregateType", event.aggregateType());
        json.writeNumberField("sequence", event.sequence());
        json.writeStringField("eventId", event.eventId());
        json.writeStringField("payloadType", event.payloadType());
        json.writeStringField("payloadRevision", event.payloadRevision());
        json.writeStringField("payload", event.payload());
        json.writeStringField("metadata", event.metadata());
        json.writeStringField("timestamp", instant(event.timestamp()));
        json.writeStringField("recordedAt", instant(event.recordedAt()));
        json.writeStringField("previousHash", event.previousHash());
        json.writeStringField("hash", event.hash());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** A generator for {@link #write}, on a stream the caller owns and closes. */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // Jackson separates root values with a space; each line here ends with its own line feed instead.
        json.setRootValueSeparator(null);
        return json;
    }

    /**
     * Reads one line back.
     *
     * @throws UnreadableLine if the line is not one JSON object with a numeric position and well-formed fields
     */
    public static StoredEvent read(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableLine("not a JSON object");
            }
            Fields fields = new Fields();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                fields.take(name, value, parser);
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new UnreadableLine("more than one JSON object on the line");
            }
            return fields.event();
        } catch (JsonProcessingException e) {
            throw new UnreadableLine("not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String cannot fail to be read
        }
    }

    /**
     * The lines of an export file, read lazily (constant memory). Blank lines are skipped; the stream must be
     * closed. A line that cannot be read comes out as {@code null}, counted by {@code onUnreadable}.
     */
    public static Stream<StoredEvent> read(Path file, UnreadableLines onUnreadable) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        long[] lineNumber = {0};
        return reader.lines().onClose(() -> close(reader))
                .peek(line -> lineNumber[0]++)
                .filter(line -> !line.isBlank())
                .map(line -> {
                    try {
                        return read(line);
                    } catch (UnreadableLine e) {
                        onUnreadable.found(lineNumber[0], e.getMessage());
                        return null;
                    }
                })
                .filter(Objects::nonNull);
    }

    /** Told of each line of a file that could not be read as an event. */
    @FunctionalInterface
    public interface UnreadableLines {
        void found(long lineNumber, String why);
    }

    /** A line that is not an event of the export format. */
    public static final class UnreadableLine extends RuntimeException {
        UnreadableLine(String message) {
            super(message);
        }
    }

    private static void close(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The fields of one line as they are read; unknown fields are skipped so later exports stay readable. */
    private static final class Fields {
        private Long position;
        private String aggregateId;
        private String aggregateType;
        private long sequence;
        private String eventId;
        private String payloadType;
        private String payloadRevision;
        private String payload;
        private String metadata;
        private Instant timestamp;
        private Instant recordedAt;
        private String previousHash;
        private String hash;

        void take(String name, JsonToken value, JsonParser parser) throws IOException {
            switch (name) {
                case "position" -> position = number(name, value, parser);
                case "sequence" -> sequence = number(name, value, parser);
                case "aggregateId" -> aggregateId = text(name, value, parser);
                case "aggregateType" -> aggregateType = text(name, value, parser);
                case "eventId" -> eventId = text(name, value, parser);
                case "payloadType" -> payloadType = text(name, value, parser);
                case "payloadRevision" -> payloadRevision = text(name, value, parser);
                case "payload" -> payload = text(name, value, parser);
                case "metadata" -> metadata = text(name, value, parser);
                case "timestamp" -> timestamp = instant(name, text(name, value, parser));
                case "recordedAt" -> recordedAt = instant(name, text(name, value, parser));
                case "previousHash" -> previousHash = text(name, value, parser);
                case "hash" -> hash = text(name, value, parser);
                default -> parser.skipChildren();
            }
        }

        StoredEvent event() {
            if (position == null) {
                throw new UnreadableLine("no position");
            }
            return new StoredEvent(position, aggregateId, aggregateType, sequence, eventId, payloadType,
                    payloadRevision, payload, metadata, timestamp, recordedAt, previousHash, hash);
        }

        private static long number(String name, JsonToken value, JsonParser parser) throws IOException {
            if (value != JsonToken.VALUE_NUMBER_INT) {
                throw new UnreadableLine(name + " is not a whole number");
            }
            return parser.getLongValue();
        }

        private static String text(String name, JsonToken value, JsonParser parser) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.VALUE_STRING) {
                throw new UnreadableLine(name + " is not a string");
            }
            return parser.getText();
        }

        private static Instant instant(String name, String text) {
            if (text == null) {
                return null;
            }
            try {
                Instant canonical = canonicalInstant(text);
                return canonical != null ? canonical : Instant.parse(text);
            } catch (DateTimeException e) {
                throw new UnreadableLine(name + " is not an ISO-8601 instant");
            }
        }

        /**
         * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, the form {@link Instant#toString()} writes, read without
         * {@link Instant#parse}, which builds a formatter on every call (a fifth of a verification's time); any
         * other form, or a value out of range, is left to {@link Instant#parse} so both accept exactly the same.
         */
        private static Instant canonicalInstant(String text) {
            int length = text.length();
            if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                    || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
                return null;
            }
            int nanos = 0;
            if (length > 20) {
                int digits = length - 21;
                if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
                    return null;
                }
                int fraction = digits(text, 20, length - 1);
                if (fraction < 0) {
                    return null;
                }
                nanos = fraction * (int) Math.pow(10, 9 - digits);
            }
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
                return null;
            }
            try {
                long days = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
            } catch (DateTimeException e) {
                return null;
            }
        }

        /** The decimal number in {@code text[from, to)}, or -1 if it is not all digits. */
        private static int digits(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}
