package org.festivalledger.submission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.entrant.EntrantDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The organiser's list of a competition's entries: searched by title or team member, filtered by status, country and
 * AI workflow, a page at a time, every page and search an address of its own (shareable, and it works without
 * JavaScript). Who sent an entry (an entrant's address, or that it was erased) is read from the
 * {@link EntrantDirectory} as the page is rendered, for the entries on it only, and kept nowhere else.
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/entries")
class EntryListPage {

    private static final int PAGE_LINKS_AROUND = 2;

    private final CompetitionCatalogue catalogue;
    private final SubmissionRegister register;
    private final EntrantDirectory entrants;
    private final EntryPageAnswers answers;

    EntryListPage(CompetitionCatalogue catalogue, SubmissionRegister register, EntrantDirectory entrants,
                  EntryPageAnswers answers) {
        this.catalogue = catalogue;
        this.register = register;
        this.entrants = entrants;
        this.answers = answers;
    }

    /** A link to one page of the list; {@code number} 0 stands for the gap between distant pages. */
    record PageLink(int number, String href, boolean current) {
    }

    @GetMapping
    String list(@PathVariable String competitionId, @RequestParam Map<String, String> query,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return answers.notFound(response, model);
        }
        EntrySearch search = new EntrySearch(query.get("q"),
                EntryForms.choice(SubmissionStatus.class, query.get("status")), query.get("country"),
                EntryForms.choice(AiWorkflow.class, query.get("workflow")), number(query.get("page")),
                EntrySearch.DEFAULT_PAGE_SIZE);
        EntryPage found = register.search(competitionId, search);
        model.addAttribute("competition", competition);
        model.addAttribute("query", query);
        model.addAttribute("found", found);
        model.addAttribute("submitters", submitters(found.entries()));
        model.addAttribute("counts", register.countsOf(competitionId));
        model.addAttribute("statuses", SubmissionStatus.values());
        model.addAttribute("workflows", AiWorkflow.values());
        model.addAttribute("pageLinks", pageLinks(request, query, found));
        model.addAttribute("previousHref", pageHref(request, query, found.page() - 1));
        model.addAttribute("nextHref", pageHref(request, query, found.page() + 1));
        model.addAttribute("imported", query.get("imported"));
        return "organiser/entries";
    }

    /** Who sent each entry shown (by the entry's id), for the entries an entrant sent; read now, kept nowhere. */
    private Map<String, EntrantDirectory.Submitter> submitters(List<SubmissionView> shown) {
        Map<String, EntrantDirectory.Submitter> submitters = new HashMap<>();
        for (SubmissionView entry : shown) {
            if (entry.entrantId() != null) {
                submitters.put(entry.id(), entrants.submitter(entry.entrantId()));
            }
        }
        return submitters;
    }

    private static List<PageLink> pageLinks(HttpServletRequest request, Map<String, String> query, EntryPage found) {
        List<PageLink> links = new ArrayList<>();
        int last = found.pages();
        int previous = 0;
        for (int number = 1; number <= last; number++) {
            boolean shown = number == 1 || number == last || Math.abs(number - found.page()) <= PAGE_LINKS_AROUND;
            if (!shown) {
                continue;
            }
            if (previous != 0 && number > previous + 1) {
                links.add(new PageLink(0, null, false));
            }
            links.add(new PageLink(number, pageHref(request, query, number), number == found.page()));
            previous = number;
        }
        return links;
    }

    /** This list's address with the same search, at another page: shareable, and it works without JavaScript. */
    static String pageHref(HttpServletRequest request, Map<String, String> query, int page) {
        UriComponentsBuilder href = UriComponentsBuilder.fromPath(request.getRequestURI());
        for (String name : List.of("q", "status", "country", "workflow")) {
            String value = query.get(name);
            if (value != null && !value.isBlank()) {
                href.queryParam(name, value);
            }
        }
        return href.queryParam("page", page).encode().build().toUriString();
    }

    private static int number(String value) {
        Integer number = EntryForms.wholeNumber(value);
        return number == null ? 1 : number;
    }
}
