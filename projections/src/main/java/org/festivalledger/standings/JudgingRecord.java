package org.festivalledger.standings;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.festivalledger.award.AwardConferred;
import org.festivalledger.award.AwardRevoked;
import org.festivalledger.competition.AwardCategory;
import org.festivalledger.competition.Criterion;
import org.festivalledger.judging.EntryLeftContention;
import org.festivalledger.judging.JudgingEstablished;
import org.festivalledger.judging.JudgingEvent;
import org.festivalledger.jury.ConflictDeclared;
import org.festivalledger.jury.JurorAccessIssued;
import org.festivalledger.jury.JurorAccessRevoked;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.publication.ResultsPublished;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.AssignmentRemoved;
import org.festivalledger.round.EntryDropped;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.RoundClosed;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.scoring.ScoreVoided;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.festivalledger.submission.SubmissionReceived;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the jury of one competition has done, as the read side needs it: jurors, conflicts,
 * rounds, assignments and the score that counts per juror and entry. A pure fold over the judging's
 * events: the live board, a rebuild from zero and an auditor's replay to a past position all feed it the
 * same events through {@link #apply} and get the same state, hence the same standings.
 * <p>
 * Its state is private and answered by query methods with unmodifiable views, so that no reader can change it
 * and no reader needs to know how it is kept (snapshots serialise the fields directly).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class JudgingRecord {

    /** A juror as the read side knows them. */
    public record Juror(String jurorId, String name, String tokenHash) {
    }

    /** The score that counts for one juror and one entry, and its history in brief. */
    public record Scorecard(String jurorId, String submissionId, Map<String, BigDecimal> marks, String comment,
                            int revisions, boolean voided, String voidReason, long position) {
    }

    /** One round as the read side knows it. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    public static final class Round {
        private String roundId;
        private String name;
        private int jurorsPerEntry;
        private AggregationMethod aggregation;
        private int minScoresPerEntry;
        private String entrySource;
        private List<Criterion> criteria = new ArrayList<>();
        private boolean open = true;
        private List<String> entries = new ArrayList<>();
        private Set<String> dropped = new LinkedHashSet<>();
        /** submissionId → jurorIds assigned to it. */
        private Map<String, Set<String>> assignments = new LinkedHashMap<>();
        /** {@link #key} → the score that counts; snapshots write them in columns ({@link ScorecardColumns}). */
        @JsonSerialize(using = ScorecardColumns.Writer.class)
        @JsonDeserialize(using = ScorecardColumns.Reader.class)
        private Map<String, Scorecard> scorecards = new LinkedHashMap<>();
        /** Ledger position of the last event that changed this round. */
        private long position;

        public String roundId() {
            return roundId;
        }

        public String name() {
            return name;
        }

        public int jurorsPerEntry() {
            return jurorsPerEntry;
        }

        public AggregationMethod aggregation() {
            return aggregation;
        }

        public int minScoresPerEntry() {
            return minScoresPerEntry;
        }

        public String entrySource() {
            return entrySource;
        }

        public List<Criterion> criteria() {
            return Collections.unmodifiableList(criteria);
        }

        public boolean isOpen() {
            return open;
        }

        /** Ledger position of the last event that changed this round. */
        public long position() {
            return position;
        }

        public RoundRules rules() {
            return new RoundRules(criteria, aggregation, minScoresPerEntry);
        }

        /** Whether the round judged the entry (dropped or not). */
        public boolean judges(String submissionId) {
            return entries.contains(submissionId);
        }

        /** Every entry the round judged, dropped ones included, in the round's order. */
        public List<String> allEntries() {
            return Collections.unmodifiableList(entries);
        }

        /** The entries still taking part, in the round's order. */
        public List<String> activeEntries() {
            return entries.stream().filter(entry -> !dropped.contains(entry)).toList();
        }

        /** The jurors assigned to an entry. */
        public Set<String> jurorsOf(String submissionId) {
            return Collections.unmodifiableSet(assignments.getOrDefault(submissionId, Set.of()));
        }

        /** How many (juror, entry) assignments the round has. */
        public int assignmentCount() {
            return assignments.values().stream().mapToInt(Set::size).sum();
        }

        /** The score that counts for a juror and an entry, voided ones included. */
        public Optional<Scorecard> scorecardOf(String jurorId, String submissionId) {
            return Optional.ofNullable(scorecards.get(key(jurorId, submissionId)));
        }

        /** The scores that count: the latest per juror and entry, without voided ones. */
        public List<JurorScore> countingScores() {
            return scorecards.values().stream().filter(card -> !card.voided())
                    .map(card -> new JurorScore(card.jurorId(), card.submissionId(), card.marks())).toList();
        }

        /** A copy that changes independently of this round (its scorecards are immutable and shared). */
        private Round copy() {
            Round copy = new Round();
            copy.roundId = roundId;
            copy.name = name;
            copy.jurorsPerEntry = jurorsPerEntry;
            copy.aggregation = aggregation;
            copy.minScoresPerEntry = minScoresPerEntry;
            copy.entrySource = entrySource;
            copy.criteria = criteria;
            copy.open = open;
            copy.entries = new ArrayList<>(entries);
            copy.dropped = new LinkedHashSet<>(dropped);
            copy.assignments = new LinkedHashMap<>();
            assignments.forEach((entry, jurors) -> copy.assignments.put(entry, new LinkedHashSet<>(jurors)));
            copy.scorecards = new LinkedHashMap<>(scorecards);
            copy.position = position;
            return copy;
        }

        /** The entries assigned to a juror, in the round's order, leaving out dropped ones. */
        public List<String> entriesOf(String jurorId) {
            return activeEntries().stream()
                    .filter(entry -> assignments.getOrDefault(entry, Set.of()).contains(jurorId)).toList();
        }
    }

    /** A shortlist decision and the ledger position it was recorded at. */
    public record Shortlist(ShortlistDrawn decision, long recordedAt) {
    }

    /** An award as conferred, and its revocation if it was revoked. */
    public record Award(AwardConferred conferral, long recordedAt, String revocationReason, Long revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    public record Publication(Instant publishedAt, long recordedAt) {
    }

    private String competitionId;
    /** What the tie-break and the rows need of each entry (title, when received): facts that never change. */
    private Map<String, EntryInfo> entries = new LinkedHashMap<>();
    private Map<String, Juror> jurors = new LinkedHashMap<>();
    /** jurorId → their current credentials (hashes only). */
    private Map<String, JurorAccess> access = new LinkedHashMap<>();
    /** {@link #key} of every declared conflict of interest. */
    private Set<String> conflicts = new LinkedHashSet<>();
    private Map<String, Round> rounds = new LinkedHashMap<>();
    /** Award categories as the judging was established with them (none for judgings recorded before they were). */
    private List<AwardCategory> categories = new ArrayList<>();
    /** Entry → why it left the competition (withdrawn, ruled ineligible). */
    private Map<String, String> leftContention = new LinkedHashMap<>();
    /** Round → its shortlist decision, as recorded. */
    private Map<String, Shortlist> shortlists = new LinkedHashMap<>();
    /** Award id → the award, revoked ones included, in the order conferred. */
    private Map<String, Award> awards = new LinkedHashMap<>();
    /** The latest publication; {@code null} while nothing was ever published. */
    private Publication publication;
    /** Every publication, in ledger order: each makes public the decisions recorded before it. */
    private List<Publication> publications = new ArrayList<>();
    /** Ledger position of the last event applied. */
    private long position;

    /** For Jackson, which reads the board's snapshots. */
    JudgingRecord() {
    }

    public JudgingRecord(String competitionId) {
        this.competitionId = competitionId;
    }

    /**
     * A copy that folds on independently of this record, far cheaper than reading it again: what it shares
     * (records, criteria, decisions) is never changed by the fold, which replaces such values instead.
     */
    public JudgingRecord copy() {
        JudgingRecord copy = copyWithoutEntryFacts();
        copy.entries = new LinkedHashMap<>(entries);
        return copy;
    }

    /**
     * A copy of the judging alone, without the entry facts ({@code SubmissionReceived} is not a judging event): what
     * folding the judging stream by itself gives, which is what time travel's checkpoints hold.
     */
    public JudgingRecord copyWithoutEntryFacts() {
        JudgingRecord copy = new JudgingRecord(competitionId);
        copy.jurors = new LinkedHashMap<>(jurors);
        copy.access = new LinkedHashMap<>(access);
        copy.conflicts = new LinkedHashSet<>(conflicts);
        rounds.forEach((roundId, round) -> copy.rounds.put(roundId, round.copy()));
        copy.categories = new ArrayList<>(categories);
        copy.leftContention = new LinkedHashMap<>(leftContention);
        copy.shortlists = new LinkedHashMap<>(shortlists);
        copy.awards = new LinkedHashMap<>(awards);
        copy.publication = publication;
        copy.publications = new ArrayList<>(publications);
        copy.position = position;
        return copy;
    }

    /** The one spelling of a (juror, entry) pair's key (snapshots rebuild it through this too). */
    static String key(String jurorId, String submissionId) {
        return jurorId + "|" + submissionId;
    }

    /**
     * Folds one event in: every {@link JudgingEvent}, and the {@link SubmissionReceived} facts the tie-break needs;
     * other events are ignored.
     *
     * @return the round the event changed, if it changed one (its standings must be recomputed)
     * @throws IllegalStateException for a judging event type this fold does not know (a test lists them all)
     */
    public Optional<String> apply(Object event, long atPosition) {
        position = Math.max(position, atPosition);
        if (event instanceof SubmissionReceived e) {
            entries.put(e.submissionId(), new EntryInfo(e.submissionId(), e.entry().title(), e.receivedAt()));
            return Optional.empty();
        }
        if (!(event instanceof JudgingEvent judgingEvent)) {
            return Optional.empty();
        }
        String changedRound = fold(judgingEvent, atPosition);
        if (changedRound != null) {
            rounds.get(changedRound).position = atPosition;
        }
        return Optional.ofNullable(changedRound);
    }

    private String fold(JudgingEvent event, long atPosition) {
        if (event instanceof JudgingEstablished e) {
            if (e.awardCategories() != null) {
                categories = new ArrayList<>(e.awardCategories());
            }
        } else if (event instanceof JurorAppointed e) {
            jurors.put(e.jurorId(), new Juror(e.jurorId(), e.name(), e.tokenHash()));
            access.putIfAbsent(e.jurorId(), JurorAccess.appointed(e.tokenHash()));
        } else if (event instanceof JurorAccessIssued e) {
            access.put(e.jurorId(), JurorAccess.issued(e));
        } else if (event instanceof JurorAccessRevoked e) {
            access.put(e.jurorId(), JurorAccess.revoked(e));
        } else if (event instanceof ConflictDeclared e) {
            conflicts.add(key(e.jurorId(), e.submissionId()));
        } else if (event instanceof RoundOpened e) {
            Round round = new Round();
            round.roundId = e.roundId();
            round.name = e.name();
            round.jurorsPerEntry = e.jurorsPerEntry();
            round.aggregation = e.aggregation();
            round.minScoresPerEntry = e.minScoresPerEntry();
            round.entrySource = String.valueOf(e.entrySource());
            round.criteria = List.copyOf(e.criteria());
            round.entries = new ArrayList<>(e.entries());
            rounds.put(e.roundId(), round);
            return e.roundId();
        } else if (event instanceof JurorsAssigned e) {
            return inRound(e.roundId(), round -> e.assignments().forEach(a -> round.assignments
                    .computeIfAbsent(a.submissionId(), k -> new LinkedHashSet<>()).add(a.jurorId())));
        } else if (event instanceof AssignmentRemoved e) {
            return inRound(e.roundId(), round -> round.assignments.getOrDefault(e.submissionId(), new LinkedHashSet<>())
                    .remove(e.jurorId()));
        } else if (event instanceof RoundClosed e) {
            return inRound(e.roundId(), round -> round.open = false);
        } else if (event instanceof EntryDropped e) {
            return inRound(e.roundId(), round -> round.dropped.add(e.submissionId()));
        } else if (event instanceof ScoreRecorded e) {
            return inRound(e.roundId(), round -> round.scorecards.put(key(e.jurorId(), e.submissionId()),
                    new Scorecard(e.jurorId(), e.submissionId(), e.marks(), e.comment(), 0, false, null, atPosition)));
        } else if (event instanceof ScoreRevised e) {
            return inRound(e.roundId(), round -> round.scorecards.put(key(e.jurorId(), e.submissionId()),
                    new Scorecard(e.jurorId(), e.submissionId(), e.marks(), e.comment(), e.revision(), false, null,
                            atPosition)));
        } else if (event instanceof ScoreVoided e) {
            Round round = rounds.get(e.roundId());
            Scorecard card = round == null ? null : round.scorecards.get(key(e.jurorId(), e.submissionId()));
            if (card != null) {
                round.scorecards.put(key(e.jurorId(), e.submissionId()), new Scorecard(card.jurorId(),
                        card.submissionId(), card.marks(), card.comment(), card.revisions(), true, e.reason(),
                        atPosition));
                return e.roundId();
            }
        } else if (event instanceof EntryLeftContention e) {
            leftContention.put(e.submissionId(), e.reason());
        } else if (event instanceof ShortlistDrawn e) {
            shortlists.put(e.roundId(), new Shortlist(e, atPosition));
        } else if (event instanceof AwardConferred e) {
            awards.put(e.awardId(), new Award(e, atPosition, null, null));
        } else if (event instanceof AwardRevoked e) {
            Award award = awards.get(e.awardId());
            if (award != null) {
                awards.put(e.awardId(), new Award(award.conferral(), award.recordedAt(), e.reason(), atPosition));
            }
        } else if (event instanceof ResultsPublished e) {
            publication = new Publication(e.publishedAt(), atPosition);
            publications.add(publication);
        } else {
            throw new IllegalStateException("JudgingRecord does not fold " + event.getClass().getName());
        }
        return null;
    }

    private String inRound(String roundId, java.util.function.Consumer<Round> change) {
        Round round = rounds.get(roundId);
        if (round == null) {
            return null;
        }
        change.accept(round);
        return roundId;
    }

    public String competitionId() {
        return competitionId;
    }

    /** Ledger position of the last event applied. */
    public long position() {
        return position;
    }

    public Optional<Round> round(String roundId) {
        return Optional.ofNullable(rounds.get(roundId));
    }

    /** Every round, in the order opened. */
    public Collection<Round> rounds() {
        return Collections.unmodifiableCollection(rounds.values());
    }

    /** Whether any round of the competition judged the entry. */
    public boolean judgedInSomeRound(String submissionId) {
        return rounds.values().stream().anyMatch(round -> round.judges(submissionId));
    }

    public Optional<Juror> juror(String jurorId) {
        return Optional.ofNullable(jurors.get(jurorId));
    }

    /** Every juror, in the order appointed. */
    public Collection<Juror> jurors() {
        return Collections.unmodifiableCollection(jurors.values());
    }

    /** Whether the juror declared (or was declared to have) a conflict with the entry. */
    public boolean isConflicted(String jurorId, String submissionId) {
        return conflicts.contains(key(jurorId, submissionId));
    }

    /** The entries a juror is conflicted on, in the order declared. */
    public List<String> conflictsOf(String jurorId) {
        String prefix = key(jurorId, "");
        return conflicts.stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).toList();
    }

    /** Whether the judging was established with the award category. */
    public boolean hasCategory(String categoryId) {
        return categories.stream().anyMatch(category -> category.id().equals(categoryId));
    }

    /** Entries that left the competition (withdrawn, ruled ineligible), with the reason recorded. */
    public Map<String, String> leftContention() {
        return Collections.unmodifiableMap(leftContention);
    }

    /** The facts of every entry folded so far (titles, when received), read in place. */
    public EntryFacts entryFacts() {
        return EntryFacts.of(entries);
    }

    /** A copy of the entry facts, for use after the lock guarding this record is released. */
    public EntryFacts entryFactsCopy() {
        return EntryFacts.of(new LinkedHashMap<>(entries));
    }

    public Optional<Shortlist> shortlistOf(String roundId) {
        return Optional.ofNullable(shortlists.get(roundId));
    }

    /** Every shortlist, in the order drawn. */
    public Collection<Shortlist> shortlists() {
        return Collections.unmodifiableCollection(shortlists.values());
    }

    /** Every award, revoked ones included, in the order conferred. */
    public Collection<Award> awards() {
        return Collections.unmodifiableCollection(awards.values());
    }

    public Optional<Award> award(String awardId) {
        return Optional.ofNullable(awards.get(awardId));
    }

    /** The latest publication, if there was one. */
    public Optional<Publication> publication() {
        return Optional.ofNullable(publication);
    }

    /**
     * Every publication, in ledger order. A board snapshot saved before publications were listed knows only the
     * latest one.
     */
    public List<Publication> publications() {
        if (publications.isEmpty() && publication != null) {
            return List.of(publication);
        }
        return Collections.unmodifiableList(publications);
    }

    /** A juror's current credentials, as the ledger last set them. */
    public Optional<JurorAccess> access(String jurorId) {
        return Optional.ofNullable(access.get(jurorId));
    }

    /** Every juror's current credentials, by juror id. */
    public Map<String, JurorAccess> accesses() {
        return Collections.unmodifiableMap(access);
    }

    /**
     * For a board snapshot saved before access was versioned: it lists jurors but not their access, so each
     * juror's appointment token stands.
     */
    void grantAppointmentAccessWhereUnknown() {
        jurors.values().forEach(juror -> access.putIfAbsent(juror.jurorId(), JurorAccess.appointed(juror.tokenHash())));
    }
}
