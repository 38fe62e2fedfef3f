package org.festivalledger.programme;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/**
 * How the programme's pages answer besides rendering a page: the error page for a competition, screening or session
 * that is not there, and the redirects after a form succeeded, each with the notice its page shows. The pages'
 * counterpart of {@link Answers}; kept in one place so that every programme page's URLs are built (and encoded) alike.
 */
final class PageAnswers {

    private PageAnswers() {
    }

    static String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", 404);
        return "error";
    }

    /** To the timeline, with a notice about {@code id} and scrolled to {@code anchor}. */
    static String timelineAfter(String competitionId, String notice, String id, String anchor) {
        return "redirect:/organiser/competitions/" + encode(competitionId) + "/programme?" + notice + "="
                + encode(id) + "#" + encode(anchor);
    }

    /** Back to a screening's or session's own page, with a notice. */
    static String itemAfter(String competitionId, BookingKind kind, String itemId, String notice) {
        String path = kind == BookingKind.SCREENING ? "screenings" : "forum-sessions";
        return "redirect:/organiser/competitions/" + encode(competitionId) + "/programme/" + path + "/"
                + encode(itemId) + "?" + notice;
    }

    private static String encode(String part) {
        return UriUtils.encodePathSegment(part, StandardCharsets.UTF_8);
    }
}
