package org.festivalledger.submission;

import jakarta.annotation.PreDestroy;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.identity.Actor;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A large CSV import from the organiser's page, carried out in the background so the upload never waits for it: the
 * file was read (and its lines checked) in the request, the one all-or-nothing command runs here, and the page the
 * organiser is sent to reports how far it has got until it is done. One import at a time per node, in order; the
 * jobs are this node's memory only (the ledger holds what was recorded), the last {@value #KEPT} of them.
 */
@Component
class EntryImportJobs {

    private static final int KEPT = 50;
    private static final Logger log = LoggerFactory.getLogger(EntryImportJobs.class);

    /** Where an import stands. */
    enum State { RECORDING, DONE, REFUSED }

    /** One import: the file as it was read, who asked, and how it ended. */
    static final class Job {
        private final String id = UUID.randomUUID().toString();
        private final String competitionId;
        private final String owner;
        private final String text;
        private final EntryIntake.ReadFile file;
        private volatile State state = State.RECORDING;
        private volatile RuntimeException refusal;

        Job(String competitionId, String owner, String text, EntryIntake.ReadFile file) {
            this.competitionId = competitionId;
            this.owner = owner;
            this.text = text;
            this.file = file;
        }

        public String id() {
            return id;
        }

        State state() {
            return state;
        }

        /** The file's text, to show a refused line as it was written. */
        String text() {
            return text;
        }

        EntryIntake.ReadFile file() {
            return file;
        }

        public int entries() {
            return file.submissions().size();
        }

        RuntimeException refusal() {
            return refusal;
        }
    }

    private final EntryIntake intake;
    private final ProjectionProgress progress;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "entry-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT;
        }
    };

    EntryImportJobs(EntryIntake intake, ProjectionProgress progress) {
        this.intake = intake;
        this.progress = progress;
    }

    /** Starts receiving the file's entries as {@code actor}; the job's id names its progress page. */
    Job start(String competitionId, String text, EntryIntake.ReadFile file, Actor actor) {
        Job job = new Job(competitionId, actor.name(), text, file);
        synchronized (jobs) {
            jobs.put(job.id(), job);
        }
        worker.execute(() -> run(job, actor));
        return job;
    }

    /** The job of that id, if it is this competition's and was started by {@code owner}. */
    Optional<Job> find(String jobId, String competitionId, String owner) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(jobId))
                    .filter(job -> job.competitionId.equals(competitionId) && job.owner.equals(owner));
        }
    }

    private void run(Job job, Actor actor) {
        try {
            List<NewSubmission> submissions = job.file.submissions();
            long position = intake.receiveAll(job.competitionId, submissions, actor).position();
            // Done once the entries list can show them.
            progress.awaitPosition(position, Duration.ofSeconds(30));
            job.state = State.DONE;
        } catch (RuntimeException refused) {
            job.refusal = refused;
            job.state = State.REFUSED;
            if (!(refused instanceof RuleViolation || refused instanceof InvalidInput
                    || refused instanceof StateConflict)) {
                log.warn("The import {} into {} failed", job.id, job.competitionId, refused);
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
