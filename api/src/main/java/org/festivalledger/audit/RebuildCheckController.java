package org.festivalledger.audit;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilds every projection from zero beside the live ones and compares their digests. */
@RestController
class RebuildCheckController {

    private final SharedRebuildCheck check;

    RebuildCheckController(SharedRebuildCheck check) {
        this.check = check;
    }

    @PostMapping("/api/audit/rebuild-check")
    ProjectionRebuildCheck.Report rebuildCheck() {
        return check.run();
    }
}
