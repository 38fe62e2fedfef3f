package org.festivalledger.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One line of plain language per event, for the auditor reading the trail: who did what to which entity.
 * Written from the payload's recorded JSON, so it reads old events exactly as they were recorded.
 */
final class EventDescriptions {

    private EventDescriptions() {
    }

    /** " (now titled …)" when an amendment changed the title; empty otherwise. */
    private static String changedTitle(JsonNode changed) {
        return changed.path("title").isTextual() ? " (now titled " + q(changed, "title") + ")" : "";
    }

    static String describe(String type, JsonNode p, String actor) {
        String who = actor == null ? "someone" : actor;
        return switch (type) {
            case "CompetitionAnnounced" -> who + " announced the competition " + q(p, "name") + " (" + t(p, "edition") + ")";
            case "JudgingEstablished" -> "the judging of " + t(p, "competitionId") + " was established";
            case "SubmissionReceived" -> "entry " + t(p, "submissionId") + " " + q(p.path("entry"), "title")
                    + " was received";
            case "SubmissionAmended" -> who + " amended entry " + t(p, "submissionId") + changedTitle(p.path("changed"));
            case "SubmissionWithdrawn" -> who + " withdrew entry " + t(p, "submissionId") + ": " + t(p, "reason");
            case "SubmissionRuledIneligible" -> who + " ruled entry " + t(p, "submissionId") + " ineligible: "
                    + t(p, "reason");
            case "JurorAppointed" -> who + " appointed juror " + t(p, "jurorId") + " (" + t(p, "name") + ")";
            case "JurorAccessIssued" -> who + " issued juror " + t(p, "jurorId") + " a new token and sign-in link"
                    + " (access version " + t(p, "version") + ")";
            case "JurorAccessRevoked" -> who + " revoked juror " + t(p, "jurorId") + "'s access";
            case "ConflictDeclared" -> who + " declared juror " + t(p, "jurorId") + " conflicted on entry "
                    + t(p, "submissionId") + ": " + t(p, "reason");
            case "RoundOpened" -> who + " opened round " + t(p, "roundId") + " with " + p.path("entries").size()
                    + " entries, " + t(p, "jurorsPerEntry") + " jurors each, " + t(p, "aggregation");
            case "JurorsAssigned" -> who + " assigned " + p.path("assignments").size() + " juror-entry pair(s) in round "
                    + t(p, "roundId") + (p.path("automatic").asBoolean() ? " automatically" : "");
            case "AssignmentRemoved" -> who + " took juror " + t(p, "jurorId") + " off entry " + t(p, "submissionId")
                    + " in round " + t(p, "roundId") + ": " + t(p, "reason");
            case "RoundClosed" -> who + " closed round " + t(p, "roundId");
            case "EntryDropped" -> "entry " + t(p, "submissionId") + " left round " + t(p, "roundId") + ": "
                    + t(p, "reason");
            case "EntryLeftContention" -> "entry " + t(p, "submissionId") + " left contention: " + t(p, "reason");
            case "ScoreRecorded" -> "juror " + t(p, "jurorId") + " scored entry " + t(p, "submissionId") + " in round "
                    + t(p, "roundId") + ": " + marks(p.path("marks"));
            case "ScoreRevised" -> "juror " + t(p, "jurorId") + " revised their score of entry " + t(p, "submissionId")
                    + " in round " + t(p, "roundId") + " (revision " + t(p, "revision") + "): " + marks(p.path("marks"))
                    + " — " + t(p, "reason");
            case "ScoreVoided" -> "the score of juror " + t(p, "jurorId") + " for entry " + t(p, "submissionId")
                    + " in round " + t(p, "roundId") + " stopped counting: " + t(p, "reason");
            case "ShortlistDrawn" -> who + " drew the shortlist of round " + t(p, "roundId") + ": "
                    + p.path("shortlist").size() + " entries from the top " + t(p, "size") + " at position "
                    + t(p, "basedOnPosition") + ", " + p.path("overrides").size() + " override(s)";
            case "AwardConferred" -> who + " conferred " + t(p, "categoryId") + " on entry " + t(p, "submissionId")
                    + " (award " + t(p, "awardId") + ")";
            case "AwardRevoked" -> who + " revoked award " + t(p, "awardId") + " (" + t(p, "categoryId") + ", entry "
                    + t(p, "submissionId") + "): " + t(p, "reason");
            case "ResultsPublished" -> who + " published the results of " + t(p, "competitionId");
            default -> who + " recorded " + type;
        };
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

    private static String q(JsonNode node, String field) {
        return "\"" + t(node, field) + "\"";
    }
}
