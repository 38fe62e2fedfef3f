package org.festivalledger.entrant;

import org.festivalledger.http.UnknownId;
import org.festivalledger.submission.SubmissionRegister;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The organiser's view of what entrants were told: every notification about an entry with each attempt's outcome
 * (never an address), and a resend.
 */
@RestController
class NotificationController {

    private final EntrantOutbox outbox;
    private final SubmissionRegister register;
    private final NotificationResending resending;

    NotificationController(EntrantOutbox outbox, SubmissionRegister register, NotificationResending resending) {
        this.outbox = outbox;
        this.register = register;
        this.resending = resending;
    }

    @GetMapping("/api/competitions/{competitionId}/submissions/{submissionId}/notifications")
    List<EntrantOutbox.Notification> about(@PathVariable String competitionId, @PathVariable String submissionId) {
        register.find(submissionId).filter(view -> view.competitionId().equals(competitionId))
                .orElseThrow(() -> new UnknownId("submission", submissionId));
        return outbox.about(submissionId);
    }

    /**
     * Sends a notification again, now (its attempts counted afresh); the request is recorded in its outcomes. 404 for
     * an unknown notification; 409 for an erased entrant's or one being sent at this moment.
     */
    @PostMapping("/api/notifications/{notificationId}/resend")
    ResponseEntity<Map<String, String>> resend(@PathVariable String notificationId, Authentication authentication) {
        resending.resend(notificationId, authentication.getName());
        return ResponseEntity.accepted().body(Map.of("id", notificationId, "status", "PENDING"));
    }
}
