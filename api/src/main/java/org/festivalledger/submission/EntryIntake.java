package org.festivalledger.submission;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.EntityIds;
import org.festivalledger.identity.Actor;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/**
 * Entries coming in: one recorded by an organiser, or a CSV file of them imported all or nothing. The one way the
 * JSON API and the organiser's pages both do it, with the same CSV reader ({@link CsvImport}).
 */
@Service
public class EntryIntake {

    private final CommandDispatch dispatch;
    private final Clock clock;

    EntryIntake(CommandDispatch dispatch, Clock clock) {
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /** An entry on the ledger: its id and where it was recorded. */
    public record Received(String submissionId, long position) {
    }

    /** An import on the ledger: the new entries' ids, in the file's order, and where they were recorded. */
    public record Imported(List<String> submissionIds, long position) {
    }

    /** Receives one entry now; {@code requestedId} may be {@code null} for an id chosen here. */
    public Received receive(String competitionId, String requestedId, Entry entry) {
        String id = EntityIds.chosenOrNew("id", requestedId);
        long position = dispatch.send(new ReceiveSubmission(competitionId, id, entry, clock.instant()), null)
                .position();
        return new Received(id, position);
    }

    /** Reads a CSV file and receives every entry in it, or none (refused with the problems of each line). */
    public Imported importCsv(String competitionId, String csv) {
        return receiveAll(competitionId, read(csv).submissions(), null);
    }

    /**
     * A CSV file read, not yet received: its entries and the file line each starts on, or refused with the problem
     * of each line ({@link UnreadableCsv}) or of the whole file.
     */
    public ReadFile read(String csv) {
        List<CsvImport.ImportLine> lines = CsvImport.readLines(csv);
        return new ReadFile(lines.stream().map(CsvImport.ImportLine::submission).toList(),
                lines.stream().map(CsvImport.ImportLine::line).toList());
    }

    /** The entries of a file and, for each, the line of the file it was read from. */
    public record ReadFile(List<NewSubmission> submissions, List<Integer> fileLines) {

        public ReadFile {
            submissions = List.copyOf(submissions);
            fileLines = List.copyOf(fileLines);
        }

        /** The file's line of the n-th entry (from 1, as the competition's refusals count them). */
        public int fileLineOf(int entry) {
            return entry >= 1 && entry <= fileLines.size() ? fileLines.get(entry - 1) : entry;
        }
    }

    /**
     * Receives entries already read, all or nothing, as {@code actor} (a page's background import, outside the
     * request, names who asked); {@code null} for the signed-in actor of the current request.
     */
    public Imported receiveAll(String competitionId, List<NewSubmission> submissions, Actor actor) {
        ReceiveSubmissions command = new ReceiveSubmissions(competitionId, submissions, clock.instant());
        long position = (actor == null ? dispatch.send(command, null) : dispatch.send(command, null, actor))
                .position();
        return new Imported(submissions.stream().map(NewSubmission::submissionId).toList(), position);
    }
}
