package org.festivalledger.judging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The jurors of a competition and the entries each must not judge: what the judging's rules ask about them. */
final class Jury {

    // A list rather than a set: automatic assignment rotates through the jury in order of appointment,
    // and a list keeps that order through a snapshot.
    private List<String> jurors = new ArrayList<>();
    private Map<String, Set<String>> conflicts = new HashMap<>();

    /** For Jackson, which reads the judging's snapshots. */
    Jury() {
    }

    boolean isAppointed(String jurorId) {
        return jurors.contains(jurorId);
    }

    List<String> inOrderOfAppointment() {
        return Collections.unmodifiableList(jurors);
    }

    boolean isConflicted(String jurorId, String submissionId) {
        return conflicts.getOrDefault(jurorId, Set.of()).contains(submissionId);
    }

    void appoint(String jurorId) {
        jurors.add(jurorId);
    }

    void conflict(String jurorId, String submissionId) {
        conflicts.computeIfAbsent(jurorId, id -> new HashSet<>()).add(submissionId);
    }
}
