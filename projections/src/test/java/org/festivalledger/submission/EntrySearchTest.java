package org.festivalledger.submission;

import org.festivalledger.OnAnEmbeddedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organiser's search among a competition's entries, events in and pages out: words in the title or a team
 * member's name in any case, filters by status, country and AI workflow, pages of the matching entries in the order
 * they were received, served from memory.
 */
class EntrySearchTest extends OnAnEmbeddedStore {

    private static final Instant OPENED = Instant.parse("2026-03-01T08:00:00Z");


    private SubmissionRegister register;
    private String competition;

    @BeforeEach
    void aCompetitionOfItsOwn() {
        register = new SubmissionRegister(database);
        competition = "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Entry n received n minutes after the opening, so the received order is the order of n. */
    private String received(int n, String title, List<String> team, String country, AiWorkflow workflow) {
        String id = competition + "-" + n;
        register.on(new SubmissionReceived(id, competition, new Entry(title, team, country, 9, "A film.",
                new AiDisclosure(List.of("Runway"), workflow)), OPENED.plusSeconds(60L * n)));
        return id;
    }

    private List<String> titles(EntryPage page) {
        return page.entries().stream().map(SubmissionView::title).toList();
    }

    private static EntrySearch words(String words) {
        return new EntrySearch(words, null, null, null, 1, 50);
    }

    @Test
    void wordsFindATitleOrATeamMemberInAnyCase() {
        received(1, "Paper Moons", List.of("Li Wei", "Ana Souza"), "CN", AiWorkflow.FULLY_GENERATED);
        received(2, "Salt Tides", List.of("Hana Sato"), "JP", AiWorkflow.HYBRID);
        received(3, "Moonlight Ferry", List.of("Tomás Ruiz"), "ES", AiWorkflow.AI_ASSISTED);
        received(4, "纸月亮", List.of("王小明"), "CN", AiWorkflow.HYBRID);

        assertThat(titles(register.search(competition, words("MOON")))).containsExactly("Paper Moons", "Moonlight Ferry");
        assertThat(titles(register.search(competition, words("souza")))).containsExactly("Paper Moons");
        assertThat(titles(register.search(competition, words("  sato ")))).containsExactly("Salt Tides");
        assertThat(titles(register.search(competition, words("小明")))).containsExactly("纸月亮");
        assertThat(titles(register.search(competition, words("月亮")))).containsExactly("纸月亮");
        assertThat(register.search(competition, words("nobody")).matching()).isZero();
        assertThat(register.search(competition, words("")).matching()).isEqualTo(4);
    }

    @Test
    void filtersByStatusCountryAndWorkflowCombine() {
        String paper = received(1, "Paper Moons", List.of("Li Wei"), "CN", AiWorkflow.FULLY_GENERATED);
        received(2, "Salt Tides", List.of("Hana Sato"), "JP", AiWorkflow.HYBRID);
        String ferry = received(3, "Moon Ferry", List.of("Li Na"), "CN", AiWorkflow.HYBRID);
        received(4, "Neon Rivers", List.of("Li Qiang"), "cn", AiWorkflow.HYBRID);
        register.on(new SubmissionRuledIneligible(paper, competition, "runs 31 minutes"));
        register.on(new SubmissionWithdrawn(ferry, competition, "signed with a distributor"));

        assertThat(titles(register.search(competition, new EntrySearch(null, SubmissionStatus.RECEIVED, null, null, 1, 50))))
                .containsExactly("Salt Tides", "Neon Rivers");
        assertThat(titles(register.search(competition, new EntrySearch(null, null, "CN", null, 1, 50))))
                .as("a country in any case").containsExactly("Paper Moons", "Moon Ferry", "Neon Rivers");
        assertThat(titles(register.search(competition, new EntrySearch("li", SubmissionStatus.RECEIVED, "CN",
                AiWorkflow.HYBRID, 1, 50)))).containsExactly("Neon Rivers");
        assertThat(titles(register.search(competition, new EntrySearch(null, SubmissionStatus.WITHDRAWN, null,
                AiWorkflow.HYBRID, 1, 50)))).containsExactly("Moon Ferry");
        EntryPage all = register.search(competition, EntrySearch.everything());
        assertThat(all.countries()).as("each country once, for the filter").containsExactly("CN", "JP");
        assertThat(register.countsOf(competition)).containsEntry(SubmissionStatus.RECEIVED, 2L)
                .containsEntry(SubmissionStatus.INELIGIBLE, 1L).containsEntry(SubmissionStatus.WITHDRAWN, 1L);
    }

    @Test
    void pagesHoldTheMatchingEntriesInTheOrderTheyWereReceived() {
        // Received out of order: the register orders by when each arrived, not by when the event was folded.
        for (int n = 120; n >= 1; n--) {
            received(n, "Film " + n, List.of(n % 3 == 0 ? "Member Three" : "Someone"), "CN", AiWorkflow.HYBRID);
        }
        EntryPage second = register.search(competition, new EntrySearch(null, null, null, null, 2, 50));
        assertThat(second.matching()).isEqualTo(120);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.entries()).hasSize(50);
        assertThat(second.entries().get(0).title()).isEqualTo("Film 51");
        assertThat(second.firstLine()).isEqualTo(51);
        assertThat(second.lastLine()).isEqualTo(100);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();

        EntryPage last = register.search(competition, new EntrySearch(null, null, null, null, 3, 50));
        assertThat(titles(last)).hasSize(20).startsWith("Film 101").endsWith("Film 120");
        assertThat(last.hasNext()).isFalse();

        EntryPage past = register.search(competition, new EntrySearch(null, null, null, null, 99, 50));
        assertThat(past.page()).as("a page past the end shows the last").isEqualTo(3);
        assertThat(titles(past)).isEqualTo(titles(last));

        EntryPage threes = register.search(competition, new EntrySearch("three", null, null, null, 1, 25));
        assertThat(threes.matching()).isEqualTo(40);
        assertThat(threes.pages()).isEqualTo(2);
        assertThat(titles(threes)).hasSize(25).startsWith("Film 3", "Film 6").endsWith("Film 75");
        assertThat(threes.competitionEntries()).isEqualTo(120);
    }

    @Test
    void anotherCompetitionsEntriesNeverShow() {
        received(1, "Paper Moons", List.of("Li Wei"), "CN", AiWorkflow.HYBRID);
        String mine = competition;
        aCompetitionOfItsOwn();
        received(1, "Salt Tides", List.of("Li Wei"), "JP", AiWorkflow.HYBRID);

        assertThat(titles(register.search(competition, words("li")))).containsExactly("Salt Tides");
        assertThat(titles(register.search(mine, words("li")))).as("the register restored from the store")
                .containsExactly("Paper Moons");
        assertThat(register.search("no-such-competition", EntrySearch.everything()).matching()).isZero();
    }

    @Test
    void aSearchIsAnsweredFromMemoryAndARestartedRegisterAnswersTheSame() {
        for (int n = 1; n <= 60; n++) {
            received(n, "Film " + n, List.of("Li Wei"), n % 2 == 0 ? "CN" : "FR", AiWorkflow.HYBRID);
        }
        EntrySearch frenchSecondPage = new EntrySearch("film", null, "FR", null, 2, 20);
        EntryPage before = register.search(competition, frenchSecondPage);

        SubmissionRegister restarted = new SubmissionRegister(database);
        assertThat(restarted.search(competition, frenchSecondPage)).isEqualTo(before);

        // The store is only read when a register starts: with the collection gone, searches go on from memory.
        database.getCollection("view_submissions").drop();
        assertThat(register.search(competition, frenchSecondPage)).isEqualTo(before);
        assertThat(titles(before)).hasSize(10).startsWith("Film 41").endsWith("Film 59");
    }
}
