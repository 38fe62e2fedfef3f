package org.festivalledger.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * One line of plain language per event, for the auditor reading the trail: who did what to which entity.
 * Written from the payload's recorded JSON, so it reads old events exactly as they were recorded.
 */
final class EventDescriptions {

    private EventDescriptions() {
    }

    /** The bundle of the sentences; the API's descriptions are its English (base) ones. */
    static final String BUNDLE = "i18n.pages.events";
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);

    /** The actor's place in a sentence when the event names none ("someone"). */
    static final Object SOMEONE = new Object();

    /**
     * One event's sentence: its message key ({@code event.<Type>}) and arguments, every one of them text (a count or
     * a position is never grouped "1,234"), so the API (in English) and the pages (in the reader's language) say the
     * same thing from the same arguments.
     */
    record Sentence(String key, List<Object> arguments) {
    }

    /**
     * An argument that is a constant of the model (an aggregation method): the API says the constant, a page says
     * it in words through its message key.
     */
    record Word(String key, String constant) {
    }

    /** The sentence in English, as the API's trail gives it. */
    static String describe(String type, JsonNode p, String actor) {
        Sentence sentence = sentence(type, p, actor);
        Object[] arguments = sentence.arguments().stream()
                .map(argument -> argument == SOMEONE ? ENGLISH.getString("event.someone")
                        : argument instanceof Word word ? word.constant() : argument).toArray();
        return new MessageFormat(ENGLISH.getString(sentence.key()), Locale.ENGLISH).format(arguments);
    }

    static Sentence sentence(String type, JsonNode p, String actor) {
        Object who = actor == null ? SOMEONE : actor;
        List<Object> arguments = switch (type) {
            case "CompetitionAnnounced" -> List.of(who, t(p, "name"), t(p, "edition"));
            case "JudgingEstablished", "ResultsPublished" -> List.of(who, t(p, "competitionId"));
            case "SubmissionReceived" -> List.of(who, t(p, "submissionId"), t(p.path("entry"), "title"));
            case "SubmissionAmended" -> List.of(who, t(p, "submissionId"), t(p.path("changed"), "title"));
            case "SubmissionWithdrawn", "SubmissionRuledIneligible" -> List.of(who, t(p, "submissionId"), t(p, "reason"));
            case "JurorAppointed" -> List.of(who, t(p, "jurorId"), t(p, "name"));
            case "JurorAccessIssued" -> List.of(who, t(p, "jurorId"), t(p, "version"));
            case "JurorAccessRevoked" -> List.of(who, t(p, "jurorId"));
            case "ConflictDeclared" -> List.of(who, t(p, "jurorId"), t(p, "submissionId"), t(p, "reason"));
            case "RoundOpened" -> List.of(who, t(p, "roundId"), Integer.toString(p.path("entries").size()),
                    t(p, "jurorsPerEntry"),
                    new Word("judging.method." + t(p, "aggregation") + ".name", t(p, "aggregation")));
            case "JurorsAssigned" -> List.of(who, Integer.toString(p.path("assignments").size()), t(p, "roundId"));
            case "AssignmentRemoved" -> List.of(who, t(p, "jurorId"), t(p, "submissionId"), t(p, "roundId"),
                    t(p, "reason"));
            case "RoundClosed" -> List.of(who, t(p, "roundId"));
            case "EntryDropped" -> List.of(who, t(p, "submissionId"), t(p, "roundId"), t(p, "reason"));
            case "EntryLeftContention" -> List.of(who, t(p, "submissionId"), t(p, "reason"));
            case "ScoreRecorded" -> List.of(who, t(p, "jurorId"), t(p, "submissionId"), t(p, "roundId"),
                    marks(p.path("marks")));
            case "ScoreRevised" -> List.of(who, t(p, "jurorId"), t(p, "submissionId"), t(p, "roundId"),
                    t(p, "revision"), marks(p.path("marks")), t(p, "reason"));
            case "ScoreVoided" -> List.of(who, t(p, "jurorId"), t(p, "submissionId"), t(p, "roundId"), t(p, "reason"));
            case "ShortlistDrawn" -> List.of(who, t(p, "roundId"), Integer.toString(p.path("shortlist").size()),
                    t(p, "size"), t(p, "basedOnPosition"), Integer.toString(p.path("overrides").size()));
            case "AwardConferred" -> List.of(who, t(p, "categoryId"), t(p, "submissionId"), t(p, "awardId"));
            case "AwardRevoked" -> List.of(who, t(p, "awardId"), t(p, "categoryId"), t(p, "submissionId"),
                    t(p, "reason"));
            default -> null;
        };
        if (arguments == null) {
            return new Sentence("event.other", List.of(who, type));
        }
        boolean automatic = type.equals("JurorsAssigned") && p.path("automatic").asBoolean();
        boolean retitled = type.equals("SubmissionAmended") && p.path("changed").path("title").isTextual();
        return new Sentence("event." + type + (automatic ? ".automatic" : "") + (retitled ? ".retitled" : ""), arguments);
    }

    /** What a revision changed: each criterion whose mark moved, and the comment if it changed. */
    static Map<String, Object> changes(JsonNode before, JsonNode after) {
        List<Map<String, Object>> marks = new ArrayList<>();
        for (Iterator<String> names = after.path("marks").fieldNames(); names.hasNext(); ) {
            String criterion = names.next();
            JsonNode old = before.path("marks").path(criterion);
            JsonNode now = after.path("marks").path(criterion);
            if (old.isMissingNode() || old.decimalValue().compareTo(now.decimalValue()) != 0) {
                marks.add(Map.of("criterion", criterion, "from", old.isMissingNode() ? "" : old.decimalValue(),
                        "to", now.decimalValue()));
            }
        }
        String oldComment = before.path("comment").asText("");
        String newComment = after.path("comment").asText("");
        return oldComment.equals(newComment) ? Map.of("marks", marks)
                : Map.of("marks", marks, "comment", Map.of("from", oldComment, "to", newComment));
    }

    private static String marks(JsonNode marks) {
        List<String> parts = new ArrayList<>();
        marks.fields().forEachRemaining(mark -> parts.add(mark.getKey() + " " + mark.getValue().asText()));
        return String.join(", ", parts);
    }

    private static String t(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "?" : value.asText();
    }
}
