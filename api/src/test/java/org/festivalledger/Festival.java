package org.festivalledger;

import java.util.List;
import java.util.Map;

/** Request bodies of a typical festival, as JSON-ready maps. */
public final class Festival {

    private Festival() {
    }

    public static Map<String, Object> competition(String id, String deadline) {
        return Map.of("id", id, "name", "AIGC Short Film Unit", "edition", "2026",
                "criteria", List.of(
                        Map.of("id", "artistic-impact", "name", "Artistic impact", "weight", 0.4, "min", 0, "max", 10),
                        Map.of("id", "thematic-expression", "name", "Thematic expression", "weight", 0.3, "min", 0,
                                "max", 10),
                        Map.of("id", "innovative-ai-use", "name", "Innovative use of AI", "weight", 0.3, "min", 0,
                                "max", 10)),
                "rules", Map.of("submissionDeadline", deadline, "maxRuntimeMinutes", 30),
                "awardCategories", List.of(Map.of("id", "best-film", "name", "Best AIGC Short Film"),
                        Map.of("id", "jury-prize", "name", "Special Jury Prize", "jointWinnersAllowed", true)));
    }

    public static Map<String, Object> competition(String id) {
        return competition(id, "2099-12-31T23:59:59Z");
    }

    public static Map<String, Object> entry(String title) {
        return Map.of("title", title, "team", List.of("Li Wei", "Ana Souza"), "country", "CN",
                "runtimeMinutes", 12, "synopsis", "A kite-maker's last summer.",
                "aiDisclosure", Map.of("tools", List.of("Runway", "Suno"), "workflow", "FULLY_GENERATED"));
    }
}
