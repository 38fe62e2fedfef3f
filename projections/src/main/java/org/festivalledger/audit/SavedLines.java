package org.festivalledger.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.festivalledger.audit.AuditTrail.Line;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit trail's lines as its snapshot holds them: every string written once in a table, and each line one
 * short array of numbers {@code [position, type, aggregate, actor, role, reason, correlation, epoch second, nano,
 * subject, …]} whose strings are indexes into that table (-1 for none).
 *
 * <p>Why: at 160,000 events the lines as JSON objects were 43 MB, and reading them back took about 1.1 s in a fresh
 * JVM ({@code TrailRestoreProbe}), on the second core while Spring starts on the first: a restart's answers wait
 * for it. Types, actors, roles, rounds, jurors and entries repeat on almost every line; and an instant read from
 * two numbers costs nothing beside parsing its ISO text.
 *
 * <p>A snapshot written before this layout (a JSON array of line objects) still reads.
 */
@JsonSerialize(using = SavedLines.Writer.class)
@JsonDeserialize(using = SavedLines.Reader.class)
public record SavedLines(List<Line> lines) {

    /** Names this layout; a reader refuses one it does not know (the trail is then read from the log). */
    static final String LAYOUT = "columns-1";

    static final class Writer extends StdSerializer<SavedLines> {

        Writer() {
            super(SavedLines.class);
        }

        @Override
        public void serialize(SavedLines saved, JsonGenerator out, SerializerProvider provider) throws IOException {
            Map<String, Integer> strings = new HashMap<>();
            List<String> table = new ArrayList<>();
            for (Line line : saved.lines()) {
                for (String text : texts(line)) {
                    if (text != null) { // a null is written as -1, not through the table
                        index(text, strings, table);
                    }
                }
                line.subjects().forEach(subject -> index(subject, strings, table));
            }
            out.writeStartObject();
            out.writeStringField("layout", LAYOUT);
            out.writeArrayFieldStart("strings");
            for (String text : table) {
                out.writeString(text);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("lines");
            for (Line line : saved.lines()) {
                out.writeStartArray();
                out.writeNumber(line.position());
                for (String text : texts(line)) {
                    out.writeNumber(text == null ? -1 : strings.get(text));
                }
                if (line.timestamp() == null) {
                    out.writeNull();
                    out.writeNull();
                } else {
                    out.writeNumber(line.timestamp().getEpochSecond());
                    out.writeNumber(line.timestamp().getNano());
                }
                for (String subject : line.subjects()) {
                    out.writeNumber(strings.get(subject));
                }
                out.writeEndArray();
            }
            out.writeEndArray();
            out.writeEndObject();
        }

        /** A line's strings, in the order its array holds them (nulls included). */
        private static List<String> texts(Line line) {
            return Arrays.asList(line.type(), line.aggregateId(), line.actor(), line.role(), line.reason(),
                    line.correlationId());
        }

        private static void index(String text, Map<String, Integer> strings, List<String> table) {
            if (!strings.containsKey(text)) {
                strings.put(text, table.size());
                table.add(text);
            }
        }
    }

    static final class Reader extends StdDeserializer<SavedLines> {

        Reader() {
            super(SavedLines.class);
        }

        @Override
        public SavedLines deserialize(JsonParser in, DeserializationContext context) throws IOException {
            try {
                return read(in, context);
            } catch (RuntimeException damaged) {
                // An index out of the table, say: unreadable like any other damage, so the trail reads the log.
                throw com.fasterxml.jackson.databind.JsonMappingException.from(in, "audit trail snapshot damaged",
                        damaged);
            }
        }

        private SavedLines read(JsonParser in, DeserializationContext context) throws IOException {
            if (in.isExpectedStartArrayToken()) {
                // Written before the columns: an array of line objects.
                return new SavedLines(Arrays.asList(context.readValue(in, Line[].class)));
            }
            if (!in.isExpectedStartObjectToken() || in.nextToken() != JsonToken.FIELD_NAME
                    || !"layout".equals(in.currentName())) {
                return context.reportInputMismatch(this, "audit trail snapshot: no layout");
            }
            String layout = in.nextTextValue();
            if (!LAYOUT.equals(layout)) {
                return context.reportInputMismatch(this, "audit trail snapshot in an unknown layout %s", layout);
            }
            List<String> table = List.of();
            List<Line> lines = new ArrayList<>();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                switch (field) {
                    case "strings" -> table = strings(in);
                    case "lines" -> readLines(in, context, table, lines);
                    default -> in.skipChildren();
                }
            }
            return new SavedLines(lines);
        }

        private void readLines(JsonParser in, DeserializationContext context, List<String> table, List<Line> lines)
                throws IOException {
            if (!in.isExpectedStartArrayToken()) {
                context.reportInputMismatch(this, "audit trail snapshot: lines are not an array");
            }
            List<String> subjects = new ArrayList<>(8);
            while (in.nextToken() == JsonToken.START_ARRAY) {
                long position = nextLong(in, context);
                String type = text(in, context, table);
                String aggregateId = text(in, context, table);
                String actor = text(in, context, table);
                String role = text(in, context, table);
                String reason = text(in, context, table);
                String correlationId = text(in, context, table);
                Instant timestamp = null;
                if (in.nextToken() != JsonToken.VALUE_NULL) {
                    long second = in.getLongValue();
                    timestamp = Instant.ofEpochSecond(second, nextLong(in, context));
                } else {
                    in.nextToken();
                }
                subjects.clear();
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    subjects.add(table.get(in.getIntValue()));
                }
                lines.add(new Line(position, type, aggregateId, actor, role, reason, correlationId, timestamp,
                        Set.copyOf(subjects)));
            }
        }

        private static List<String> strings(JsonParser in) throws IOException {
            List<String> table = new ArrayList<>();
            for (String text = in.nextTextValue(); text != null; text = in.nextTextValue()) {
                table.add(text);
            }
            return table;
        }

        private String text(JsonParser in, DeserializationContext context, List<String> table) throws IOException {
            int index = (int) nextLong(in, context);
            return index < 0 ? null : table.get(index);
        }

        private long nextLong(JsonParser in, DeserializationContext context) throws IOException {
            if (in.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                context.reportInputMismatch(this, "audit trail snapshot: expected a number, found %s",
                        in.currentToken());
            }
            return in.getLongValue();
        }
    }
}
