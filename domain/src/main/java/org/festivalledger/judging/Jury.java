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
    // Juror → the version of their access (JurorAccessChanged), and the jurors whose access is revoked.
    private Map<String, Integer> accessVersions = new HashMap<>();
    private Set<String> revokedAccess = new HashSet<>();

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

    int accessVersion(String jurorId) {
        return accessVersions.getOrDefault(jurorId, 0);
    }

    boolean isAccessRevoked(String jurorId) {
        return revokedAccess.contains(jurorId);
    }

    void accessIssued(String jurorId, int version) {
        accessVersions.put(jurorId, version);
        revokedAccess.remove(jurorId);
    }

    void accessRevoked(String jurorId, int version) {
        accessVersions.put(jurorId, version);
        revokedAccess.add(jurorId);
    }

    void appoint(String jurorId) {
        jurors.add(jurorId);
    }

    void conflict(String jurorId, String submissionId) {
        conflicts.computeIfAbsent(jurorId, id -> new HashSet<>()).add(submissionId);
    }
}
