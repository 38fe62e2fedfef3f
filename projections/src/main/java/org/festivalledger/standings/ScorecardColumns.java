package org.festivalledger.standings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.festivalledger.standings.JudgingRecord.Scorecard;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a round's scorecards are written in the board's snapshots and time travel's checkpoints: as columns with the
 * juror, entry and criterion ids written once each, not as one JSON object per scorecard.
 *
 * <p>Why: at festival scale a judging holds 150,000 scorecards. As objects they made 36 MB of JSON, and reading it
 * through Jackson's data binding took 1.3 s in a fresh JVM and about 0.45 s once compiled (the probe
 * {@code CheckpointReadProbe}): the first time-travel replay after a start waits for that read, and a restart
 * reads the board's snapshot the same way. Each scorecard is now one short array
 * {@code [juror, entry, position, revisions, voided, comment, voidReason, criterion, mark, criterion, mark, …]}
 * whose ids are indexes into the dictionaries before it, read token by token. A mark is written as its
 * {@link BigDecimal}'s text, as before, so it reads back with the same scale.
 *
 * <p>Snapshots written before this layout (an object of scorecards by key) still read: a restart after an upgrade
 * starts from its snapshot as usual, and the next snapshot is written in columns.
 */
final class ScorecardColumns {

    /** Names this layout; a later one gets a new name, and a reader that does not know a name refuses it. */
    static final String LAYOUT = "columns-1";

    private ScorecardColumns() {
    }

    /** Writes the scorecards as dictionaries of ids and one array per scorecard, in the map's order. */
    static final class Writer extends StdSerializer<Map<String, Scorecard>> {

        @SuppressWarnings({"unchecked", "rawtypes"})
        Writer() {
            super((Class) Map.class);
        }

        @Override
        public void serialize(Map<String, Scorecard> cards, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            Dictionary jurors = new Dictionary();
            Dictionary entries = new Dictionary();
            Dictionary criteria = new Dictionary();
            for (Scorecard card : cards.values()) {
                jurors.indexOf(card.jurorId());
                entries.indexOf(card.submissionId());
                card.marks().keySet().forEach(criteria::indexOf);
            }
            out.writeStartObject();
            out.writeStringField("layout", LAYOUT);
            jurors.write("jurors", out);
            entries.write("entries", out);
            criteria.write("criteria", out);
            out.writeArrayFieldStart("cards");
            for (Scorecard card : cards.values()) {
                out.writeStartArray();
                out.writeNumber(jurors.indexOf(card.jurorId()));
                out.writeNumber(entries.indexOf(card.submissionId()));
                out.writeNumber(card.position());
                out.writeNumber(card.revisions());
                out.writeBoolean(card.voided());
                out.writeString(card.comment());
                out.writeString(card.voidReason());
                for (Map.Entry<String, BigDecimal> mark : card.marks().entrySet()) {
                    out.writeNumber(criteria.indexOf(mark.getKey()));
                    out.writeNumber(mark.getValue());
                }
                out.writeEndArray();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    /** Reads scorecards in columns, or as the object by key that snapshots held before. */
    static final class Reader extends StdDeserializer<Map<String, Scorecard>> {

        Reader() {
            super(Map.class);
        }

        @Override
        public Map<String, Scorecard> deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (!in.isExpectedStartObjectToken()) {
                return context.reportInputMismatch(this, "scorecards: expected an object, found %s",
                        in.currentToken());
            }
            Map<String, Scorecard> cards = new LinkedHashMap<>();
            JsonToken token = in.nextToken();
            if (token == JsonToken.END_OBJECT) {
                return cards;
            }
            if (!"layout".equals(in.currentName())) {
                return readByKey(in, context, cards);
            }
            String layout = in.nextTextValue();
            if (!LAYOUT.equals(layout)) {
                return context.reportInputMismatch(this, "scorecards in an unknown layout %s", layout);
            }
            List<String> jurors = List.of();
            List<String> entries = List.of();
            List<String> criteria = List.of();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                switch (field) {
                    case "jurors" -> jurors = strings(in, context);
                    case "entries" -> entries = strings(in, context);
                    case "criteria" -> criteria = strings(in, context);
                    case "cards" -> readCards(in, context, jurors, entries, criteria, cards);
                    default -> in.skipChildren();
                }
            }
            return cards;
        }

        /** The shape written before columns: {@code {"juror|entry": {scorecard}, …}}. */
        private static Map<String, Scorecard> readByKey(JsonParser in, DeserializationContext context,
                                                        Map<String, Scorecard> cards) throws IOException {
            for (JsonToken token = in.currentToken(); token == JsonToken.FIELD_NAME; token = in.nextToken()) {
                String key = in.currentName();
                in.nextToken();
                cards.put(key, context.readValue(in, Scorecard.class));
            }
            return cards;
        }

        private void readCards(JsonParser in, DeserializationContext context, List<String> jurors,
                               List<String> entries, List<String> criteria, Map<String, Scorecard> cards)
                throws IOException {
            expect(in, context, JsonToken.START_ARRAY);
            while (in.nextToken() == JsonToken.START_ARRAY) {
                String juror = jurors.get(nextInt(in, context));
                String entry = entries.get(nextInt(in, context));
                long position = nextLong(in, context);
                int revisions = nextInt(in, context);
                in.nextToken();
                boolean voided = in.getValueAsBoolean();
                String comment = nextStringOrNull(in);
                String voidReason = nextStringOrNull(in);
                Map<String, BigDecimal> marks = new LinkedHashMap<>(8);
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    String criterion = criteria.get(in.getIntValue());
                    in.nextToken();
                    marks.put(criterion, in.currentToken() == JsonToken.VALUE_NULL ? null : in.getDecimalValue());
                }
                // The key the fold uses, rebuilt rather than stored a second time.
                cards.put(JudgingRecord.key(juror, entry),
                        new Scorecard(juror, entry, marks, comment, revisions, voided, voidReason, position));
            }
            expect(in, context, JsonToken.END_ARRAY);
        }

        private List<String> strings(JsonParser in, DeserializationContext context) throws IOException {
            expect(in, context, JsonToken.START_ARRAY);
            List<String> strings = new ArrayList<>();
            for (String value = in.nextTextValue(); value != null; value = in.nextTextValue()) {
                strings.add(value);
            }
            expect(in, context, JsonToken.END_ARRAY);
            return strings;
        }

        private int nextInt(JsonParser in, DeserializationContext context) throws IOException {
            expect(in.nextToken(), context, JsonToken.VALUE_NUMBER_INT);
            return in.getIntValue();
        }

        private long nextLong(JsonParser in, DeserializationContext context) throws IOException {
            expect(in.nextToken(), context, JsonToken.VALUE_NUMBER_INT);
            return in.getLongValue();
        }

        private static String nextStringOrNull(JsonParser in) throws IOException {
            return in.nextToken() == JsonToken.VALUE_NULL ? null : in.getText();
        }

        private void expect(JsonParser in, DeserializationContext context, JsonToken expected) throws IOException {
            expect(in.currentToken(), context, expected);
        }

        private void expect(JsonToken found, DeserializationContext context, JsonToken expected) throws IOException {
            if (found != expected) {
                context.reportInputMismatch(this, "scorecards: expected %s, found %s", expected, found);
            }
        }
    }

    /** Distinct ids in the order first met, each with its index. */
    private static final class Dictionary {

        private final Map<String, Integer> indexes = new LinkedHashMap<>();

        int indexOf(String id) {
            Integer index = indexes.get(id);
            if (index == null) {
                index = indexes.size();
                indexes.put(id, index);
            }
            return index;
        }

        void write(String field, JsonGenerator out) throws IOException {
            out.writeArrayFieldStart(field);
            for (String id : indexes.keySet()) {
                out.writeString(id);
            }
            out.writeEndArray();
        }
    }
}
