package org.festivalledger.programme;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

import java.util.function.Supplier;

/**
 * A move or a cancellation sent from a screening's or forum session's page, the same flow for both kinds: back to
 * that page with a notice ({@code ?moved}, {@code ?cancelled}), or the page again with the refusal next to the
 * refused form's fields. Both forms stand on one page and both have a reason, so the cancel form's reason is
 * {@code cancelReason} there and a refusal about it is renamed to match.
 */
@Component
class ItemChanges {

    private final ProgrammeForms forms;
    private final ItemPage page;

    ItemChanges(ProgrammeForms forms, ItemPage page) {
        this.forms = forms;
        this.page = page;
    }

    /** A move: {@code typed} has read the form's new times (their problems stop the command). */
    String move(String competitionId, String itemId, BookingKind kind, TypedInput typed, Supplier<Booked> command,
                MultiValueMap<String, String> form, HttpServletResponse response, Model model) {
        return forms.send(competitionId, typed, command,
                moved -> PageAnswers.itemAfter(competitionId, kind, itemId, "moved"),
                refused -> page.refused(competitionId, itemId, kind, "move", form, refused, response, model),
                response);
    }

    /** A cancellation: nothing in its form needs reading, only its reason passed on. */
    String cancel(String competitionId, String itemId, BookingKind kind, Supplier<Booked> command,
                  MultiValueMap<String, String> form, HttpServletResponse response, Model model) {
        return forms.send(competitionId, forms.typed(), command,
                cancelled -> PageAnswers.itemAfter(competitionId, kind, itemId, "cancelled"),
                refused -> page.refused(competitionId, itemId, kind, "cancel", form,
                        refused.renamed("reason", "cancelReason"), response, model),
                response);
    }
}
