package org.festivalledger.audit;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.festivalledger.competition.AwardCategory;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.http.UnknownId;
import org.festivalledger.ledger.LedgerHead;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.standings.Standings;
import org.festivalledger.standings.StandingsTimeTravel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The jury report of a competition as PDF, in English or Simplified Chinese: criteria and weights, rounds and how
 * they combine scores, the standings at each decision's position, the shortlists with overrides and reasons, the
 * awards with citations, each round's calibration, and the ledger's head digest. The page is a Thymeleaf template
 * (the same engine as every page) laid out by openhtmltopdf.
 * <p>
 * PDFBox embeds TrueType outlines only, so Chinese needs a TrueType font with CJK glyphs: WenQuanYi Micro Hei
 * ({@code fonts-wqy-microhei}, a TrueType collection) at {@code ledger.audit.report-font}. Without it the report is
 * still produced, with the PDF's standard fonts, and Chinese characters come out as placeholders; a warning says so.
 */
@Service
class JuryReport {

    static final String FONT_FAMILY = "WenQuanYi Micro Hei";
    private static final Logger log = LoggerFactory.getLogger(JuryReport.class);
    private static final int STANDINGS_ROWS_BEYOND_CUT = 3;

    private final ITemplateEngine templates;
    private final CompetitionCatalogue catalogue;
    private final StandingsTimeTravel timeTravel;
    private final JurorCalibration calibration;
    private final LedgerLog ledger;
    private final File font;
    private final MessageSource labels = labels();

    JuryReport(ITemplateEngine templates, CompetitionCatalogue catalogue, StandingsTimeTravel timeTravel,
               JurorCalibration calibration, LedgerLog ledger,
               @Value("${ledger.audit.report-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String font) {
        this.templates = templates;
        this.catalogue = catalogue;
        this.timeTravel = timeTravel;
        this.calibration = calibration;
        this.ledger = ledger;
        this.font = new File(font);
        if (!this.font.isFile()) {
            log.warn("The jury report's CJK font {} is missing: reports are produced without it, and Chinese text in "
                    + "them shows as placeholders (install fonts-wqy-microhei, or set ledger.audit.report-font)", font);
        }
    }

    private static MessageSource labels() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/jury-report");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** The report's labels in one language, for the template ({@code ${t.get('awards')}}). */
    record Labels(MessageSource source, Locale locale) {
        public String get(String key) {
            return source.getMessage(key, null, key, locale);
        }
    }

    /** A shortlist and the standings at the position it rests on, cut a few rows below the cut-off. */
    record ShortlistPart(JudgingRecord.Shortlist shortlist, String roundName, Standings standings) {
    }

    record AwardPart(JudgingRecord.Award award, String category, String title) {
    }

    /** The languages a report is written in. */
    static Optional<Locale> language(String tag) {
        return switch (tag == null ? "en" : tag) {
            case "en" -> Optional.of(Locale.ENGLISH);
            case "zh-CN", "zh" -> Optional.of(Locale.SIMPLIFIED_CHINESE);
            default -> Optional.empty();
        };
    }

    byte[] pdf(String competitionId, Locale locale) {
        String html = html(competitionId, locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder().withHtmlContent(html, null).toStream(out);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                if (font.isFile()) {
                    // One face serves every weight: headings would otherwise fall back to a font without Chinese.
                    for (int weight : new int[]{400, 700}) {
                        renderer.getFontResolver().addFontCollection(font, FONT_FAMILY, weight, IdentValue.NORMAL,
                                true);
                    }
                }
                renderer.layout();
                renderer.createPDF();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    String html(String competitionId, Locale locale) {
        CompetitionView competition = catalogue.find(competitionId)
                .orElseThrow(() -> new UnknownId("competition", competitionId));
        LedgerHead head = ledger.head();
        var judging = timeTravel.replay(competitionId, head.position());
        JudgingRecord record = judging.record();
        List<ShortlistPart> shortlists = new ArrayList<>();
        for (JudgingRecord.Shortlist shortlist : record.shortlists()) {
            var decision = shortlist.decision();
            Standings then = timeTravel.at(competitionId, decision.roundId(), decision.basedOnPosition()).orElse(null);
            String roundName = record.round(decision.roundId()).map(JudgingRecord.Round::name).orElse(decision.roundId());
            shortlists.add(new ShortlistPart(shortlist, roundName,
                    then == null ? null : then.top(decision.size() + STANDINGS_ROWS_BEYOND_CUT)));
        }
        Map<String, String> categories = competition.awardCategories().stream()
                .collect(Collectors.toMap(AwardCategory::id, AwardCategory::name, (a, b) -> a));
        List<AwardPart> awards = record.awards().stream().map(award -> new AwardPart(award,
                categories.getOrDefault(award.conferral().categoryId(), award.conferral().categoryId()),
                judging.entryFacts().find(award.conferral().submissionId()).map(info -> info.title())
                        .orElse(award.conferral().submissionId()))).toList();
        List<JurorCalibration.Calibration> calibrations = record.rounds().stream()
                .map(round -> calibration.of(competitionId, round.roundId(), head.position(), 10))
                .flatMap(Optional::stream).toList();
        Context context = new Context(locale);
        context.setVariable("t", new Labels(labels, locale));
        context.setVariable("lang", locale.equals(Locale.SIMPLIFIED_CHINESE) ? "zh-CN" : "en");
        context.setVariable("competition", competition);
        context.setVariable("rounds", record.rounds());
        context.setVariable("shortlists", shortlists);
        context.setVariable("awards", awards);
        context.setVariable("calibrations", calibrations);
        context.setVariable("head", head);
        context.setVariable("fontFamily", FONT_FAMILY);
        return templates.process("auditor/jury-report", context);
    }
}
