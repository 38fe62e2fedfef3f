package org.festivalledger.audit;

import org.festivalledger.rules.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/** The jury report of a competition as PDF, {@code ?lang=en} (default) or {@code ?lang=zh-CN}. */
@RestController
class JuryReportController {

    private final JuryReport report;

    JuryReportController(JuryReport report) {
        this.report = report;
    }

    @GetMapping(path = {"/api/audit/competitions/{competitionId}/jury-report.pdf",
            "/auditor/competitions/{competitionId}/jury-report.pdf"})
    ResponseEntity<byte[]> pdf(@PathVariable String competitionId, @RequestParam(required = false) String lang) {
        Locale locale = JuryReport.language(lang)
                .orElseThrow(() -> InvalidInput.of("lang", "must be en or zh-CN"));
        String suffix = locale.equals(Locale.ENGLISH) ? "en" : "zh-CN";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"jury-report-"
                        + competitionId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + suffix + ".pdf\"")
                .body(report.pdf(competitionId, locale));
    }
}
