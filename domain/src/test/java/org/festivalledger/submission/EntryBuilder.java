package org.festivalledger.submission;

import java.util.List;

/** A complete, acceptable entry to start from; each test changes only what its rule is about. */
final class EntryBuilder {

    private String title = "Echoes of the Silk Road";
    private List<String> team = List.of("Lin Wei", "Amara Okafor");
    private String country = "CN";
    private int runtimeMinutes = 12;
    private AiDisclosure aiDisclosure = new AiDisclosure(List.of("Sora", "Suno"), AiWorkflow.FULLY_GENERATED);

    static EntryBuilder anEntry() {
        return new EntryBuilder();
    }

    EntryBuilder titled(String title) {
        this.title = title;
        return this;
    }

    EntryBuilder byTeam(List<String> team) {
        this.team = team;
        return this;
    }

    EntryBuilder from(String country) {
        this.country = country;
        return this;
    }

    EntryBuilder running(int minutes) {
        this.runtimeMinutes = minutes;
        return this;
    }

    EntryBuilder disclosing(AiDisclosure aiDisclosure) {
        this.aiDisclosure = aiDisclosure;
        return this;
    }

    Entry build() {
        return new Entry(title, team, country, runtimeMinutes, "A journey told through generated memories.", aiDisclosure);
    }
}
