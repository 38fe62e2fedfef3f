package org.festivalledger.standings;

import org.festivalledger.award.AwardConferred;
import org.festivalledger.award.AwardRevoked;
import org.festivalledger.judging.EntryLeftContention;
import org.festivalledger.publication.ResultsPublished;
import org.festivalledger.shortlist.ShortlistDrawn;

import org.festivalledger.competition.Criterion;
import org.festivalledger.jury.ConflictDeclared;
import org.festivalledger.jury.JurorAccessIssued;
import org.festivalledger.jury.JurorAccessRevoked;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.AssignmentRemoved;
import org.festivalledger.round.EntryDropped;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.RoundClosed;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.scoring.ScoreVoided;
import org.festivalledger.submission.SubmissionReceived;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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
 */
public final class JudgingRecord {

    /** A juror as the read side knows them. */
    public record Juror(String jurorId, String name, String tokenHash) {
    }

    /** The score that counts for one juror and one entry, and its history in brief. */
    public record Scorecard(String jurorId, String submissionId, Map<String, BigDecimal> marks, String comment,
                            int revisions, boolean voided, String voidReason, long position) {
    }

    /** One round as the read side knows it. */
    public static final class Round {
        public String roundId;
        public String name;
        public int jurorsPerEntry;
        public AggregationMethod aggregation;
        public int minScoresPerEntry;
        public String entrySource;
        public List<Criterion> criteria = new ArrayList<>();
        public boolean open = true;
        public List<String> entries = new ArrayList<>();
        public Set<String> dropped = new LinkedHashSet<>();
        /** submissionId → jurorIds assigned to it. */
        public Map<String, Set<String>> assignments = new LinkedHashMap<>();
        /** jurorId|submissionId → the score that counts. */
        public Map<String, Scorecard> scorecards = new LinkedHashMap<>();
        /** Ledger position of the last event that changed this round. */
        public long position;

        public RoundRules rules() {
            return new RoundRules(criteria, aggregation, minScoresPerEntry);
        }

        /** The entries still taking part, in the round's order. */
        public List<String> activeEntries() {
            return entries.stream().filter(entry -> !dropped.contains(entry)).toList();
        }

        /** The scores that count: the latest per juror and entry, without voided ones. */
        public List<JurorScore> countingScores() {
            return scorecards.values().stream().filter(card -> !card.voided())
                    .map(card -> new JurorScore(card.jurorId(), card.submissionId(), card.marks())).toList();
        }

        /** The entries assigned to a juror, in the round's order, leaving out dropped ones. */
        public List<String> entriesOf(String jurorId) {
            return activeEntries().stream()
                    .filter(entry -> assignments.getOrDefault(entry, Set.of()).contains(jurorId)).toList();
        }
    }

    public String competitionId;
    /** What the tie-break and the rows need of each entry (title, when received): facts that never change. */
    public Map<String, EntryInfo> entries = new LinkedHashMap<>();
    public Map<String, Juror> jurors = new LinkedHashMap<>();
    /** jurorId → their current credentials (hashes only). */
    public Map<String, JurorAccess> access = new LinkedHashMap<>();
    /** jurorId|submissionId of every declared conflict of interest. */
    public Set<String> conflicts = new LinkedHashSet<>();
    public Map<String, Round> rounds = new LinkedHashMap<>();
    /** Entry → why it left the competition (withdrawn, ruled ineligible). */
    public Map<String, String> leftContention = new LinkedHashMap<>();
    /** Round → its shortlist decision, as recorded. */
    public Map<String, Shortlist> shortlists = new LinkedHashMap<>();
    /** Award id → the award, revoked ones included, in the order conferred. */
    public Map<String, Award> awards = new LinkedHashMap<>();
    /** The latest publication; {@code null} while nothing was ever published. */
    public Publication publication;
    /** Every publication, in ledger order: each makes public the decisions recorded before it. */
    public List<Publication> publications = new ArrayList<>();
    /** Ledger position of the last event applied. */
    public long position;

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

    public JudgingRecord() {
    }

    public JudgingRecord(String competitionId) {
        this.competitionId = competitionId;
    }

    static String key(String jurorId, String submissionId) {
        return jurorId + "|" + submissionId;
    }

    /**
     * Folds one event in; events of other kinds are ignored.
     *
     * @return the round the event changed, if it changed one (its standings must be recomputed)
     */
    public Optional<String> apply(Object event, long atPosition) {
        position = Math.max(position, atPosition);
        String changedRound = null;
        if (event instanceof SubmissionReceived e) {
            entries.put(e.submissionId(), new EntryInfo(e.submissionId(), e.entry().title(), e.receivedAt()));
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
            changedRound = e.roundId();
        } else if (event instanceof JurorsAssigned e) {
            Round round = rounds.get(e.roundId());
            if (round != null) {
                e.assignments().forEach(a -> round.assignments
                        .computeIfAbsent(a.submissionId(), k -> new LinkedHashSet<>()).add(a.jurorId()));
                changedRound = e.roundId();
            }
        } else if (event instanceof AssignmentRemoved e) {
            Round round = rounds.get(e.roundId());
            if (round != null) {
                round.assignments.getOrDefault(e.submissionId(), new LinkedHashSet<>()).remove(e.jurorId());
                changedRound = e.roundId();
            }
        } else if (event instanceof RoundClosed e) {
            Round round = rounds.get(e.roundId());
            if (round != null) {
                round.open = false;
                changedRound = e.roundId();
            }
        } else if (event instanceof EntryDropped e) {
            Round round = rounds.get(e.roundId());
            if (round != null) {
                round.dropped.add(e.submissionId());
                changedRound = e.roundId();
            }
        } else if (event instanceof ScoreRecorded e) {
            changedRound = score(e.roundId(), new Scorecard(e.jurorId(), e.submissionId(), e.marks(), e.comment(),
                    0, false, null, atPosition));
        } else if (event instanceof ScoreRevised e) {
            changedRound = score(e.roundId(), new Scorecard(e.jurorId(), e.submissionId(), e.marks(), e.comment(),
                    e.revision(), false, null, atPosition));
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
        } else if (event instanceof ScoreVoided e) {
            Round round = rounds.get(e.roundId());
            Scorecard card = round == null ? null : round.scorecards.get(key(e.jurorId(), e.submissionId()));
            if (card != null) {
                round.scorecards.put(key(e.jurorId(), e.submissionId()), new Scorecard(card.jurorId(),
                        card.submissionId(), card.marks(), card.comment(), card.revisions(), true, e.reason(),
                        atPosition));
                changedRound = e.roundId();
            }
        }
        if (changedRound != null) {
            rounds.get(changedRound).position = atPosition;
        }
        return Optional.ofNullable(changedRound);
    }

    private String score(String roundId, Scorecard card) {
        Round round = rounds.get(roundId);
        if (round == null) {
            return null;
        }
        round.scorecards.put(key(card.jurorId(), card.submissionId()), card);
        return roundId;
    }

    /** Whether the juror declared (or was declared to have) a conflict with the entry. */
    public boolean isConflicted(String jurorId, String submissionId) {
        return conflicts.contains(key(jurorId, submissionId));
    }

    /** The entry facts of a round's active entries, in the round's order. */
    public List<EntryInfo> entryInfo(Round round, Map<String, EntryInfo> known) {
        return round.activeEntries().stream()
                .map(id -> known.getOrDefault(id, new EntryInfo(id, id, Instant.EPOCH))).toList();
    }
}
