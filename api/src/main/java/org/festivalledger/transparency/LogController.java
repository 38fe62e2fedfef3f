package org.festivalledger.transparency;

import org.festivalledger.rules.InvalidInput;
import org.festivalledger.transparency.ProofAnswers.CheckpointAnswer;
import org.festivalledger.transparency.ProofAnswers.ConsistencyAnswer;
import org.festivalledger.transparency.ProofAnswers.InclusionAnswer;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The transparency log's public, read-only face: the verifier key, checkpoints, and proofs. Proofs carry hashes
 * only, never an event's content, so they are open to anyone.
 */
@RestController
class LogController {

    private final TransparencyLog log;

    LogController(TransparencyLog log) {
        this.log = log;
    }

    @GetMapping(path = "/api/public/log/key", produces = MediaType.TEXT_PLAIN_VALUE)
    String key() {
        return log.verifierKey() + "\n";
    }

    @GetMapping(path = "/api/public/log/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    String checkpoint() {
        return log.latest().note();
    }

    @GetMapping("/api/public/log/checkpoints")
    List<CheckpointAnswer> checkpoints() {
        log.latest(); // a log with events always has at least one checkpoint to list
        return log.all().stream().map(CheckpointAnswer::of).toList();
    }

    @GetMapping("/api/public/log/proof/inclusion")
    InclusionAnswer inclusion(@RequestParam long position, @RequestParam(required = false) Long treeSize) {
        long size = treeSize != null ? treeSize : log.latest().size();
        long head = log.size();
        if (position < 1 || position > size || size > head) {
            throw InvalidInput.of("position", "needs 1 ≤ position (" + position + ") ≤ treeSize (" + size
                    + ") ≤ the log's size (" + head + ")");
        }
        return InclusionAnswer.of(log.inclusion(position, size));
    }

    @GetMapping("/api/public/log/proof/consistency")
    ConsistencyAnswer consistency(@RequestParam long from, @RequestParam long to) {
        long head = log.size();
        if (from < 1 || from > to || to > head) {
            throw InvalidInput.of("from", "needs 1 ≤ from (" + from + ") ≤ to (" + to + ") ≤ the log's size ("
                    + head + ")");
        }
        return new ConsistencyAnswer(from, to, ProofAnswers.base64(log.consistency(from, to)));
    }
}
