package org.festivalledger.entrant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.http.ClientAddress;
import org.festivalledger.http.TooManyRequests;
import org.festivalledger.identity.EntrantIdentity;
import org.festivalledger.identity.Role;
import org.festivalledger.language.PageLanguage;
import org.festivalledger.security.PageSessions;
import org.festivalledger.rules.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entrant's pages: asking for a sign-in link, signing in with it, and (signed in) their own page. The sign-in
 * link's page does not sign in by itself (mail scanners open links): its button posts the link, with the page's
 * CSRF token, and gets a session.
 */
@Controller
class EntrantPages {

    private final EntrantSignInRequests signIns;
    private final EntrantSignInLinks links;
    private final EntrantDirectory directory;
    private final EntrantEntryList entries;
    private final EntrantEntryPages entryPages;
    private final MessageSource messages;
    private final LocaleResolver languages;
    private final EntrantErasure erasure;

    EntrantPages(EntrantSignInRequests signIns, EntrantSignInLinks links, EntrantDirectory directory,
                 EntrantEntryList entries, EntrantEntryPages entryPages, MessageSource messages,
                 LocaleResolver languages, EntrantErasure erasure) {
        this.erasure = erasure;
        this.languages = languages;
        this.signIns = signIns;
        this.links = links;
        this.directory = directory;
        this.entries = entries;
        this.entryPages = entryPages;
        this.messages = messages;
    }

    /** A signed-in entrant's own page; anyone else's is the form that asks for a sign-in link. */
    @GetMapping("/entrant")
    String home(@RequestParam(required = false) String sent, @RequestParam(required = false) String erased,
                Authentication authentication, Model model) {
        if (authentication != null && authentication.getPrincipal() instanceof EntrantIdentity entrant) {
            Optional<Entrant> known = directory.find(entrant.entrantId());
            model.addAttribute("entrant", known.orElse(null));
            model.addAttribute("entries", entries.of(entrant.entrantId()));
            model.addAttribute("openCalls", entryPages.openCalls());
            model.addAttribute("signedInAs", known.filter(e -> !e.erased()).map(Entrant::email)
                    .orElse(message("entrant.erased")));
            return "entrant/home";
        }
        model.addAttribute("sent", sent != null);
        model.addAttribute("erased", erased != null);
        return ask(model, Map.of(), Map.of());
    }

    @PostMapping("/entrant/sign-in-links")
    String askForLink(@RequestParam Map<String, String> form, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
        try {
            signIns.ask(form.get("email"), form.get("language"), PageLanguage.of(LocaleContextHolder.getLocale()),
                    ClientAddress.of(request.getRemoteAddr()),
                    ServletUriComponentsBuilder.fromContextPath(request).build().toUri());
            return "redirect:/entrant?sent";
        } catch (InvalidInput refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> problems = new HashMap<>();
            refused.errors().forEach(error -> problems.put(error.field(), message("entrant.ask.problem." + error.field())));
            return ask(model, form, problems);
        } catch (TooManyRequests refused) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
            model.addAttribute("tooMany", true);
            return ask(model, form, Map.of());
        }
    }

    private String ask(Model model, Map<String, String> values, Map<String, String> problems) {
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        model.addAttribute("languages", PageLanguage.all());
        String chosen = values.get("language");
        model.addAttribute("chosenLanguage", chosen != null && PageLanguage.of(chosen) != null ? chosen
                : PageLanguage.of(LocaleContextHolder.getLocale()).tag());
        return "entrant/ask";
    }

    @GetMapping("/entrant/sign-in")
    String signInPage(@RequestParam(required = false) String link, Model model) {
        if (link == null || link.isBlank()) {
            return "redirect:/entrant";
        }
        model.addAttribute("link", link);
        return "entrant/sign-in";
    }

    /**
     * Exchanges the link for a session and sends the entrant on without it, so it stays neither in the address bar
     * nor in the history. A used, expired or unknown link is refused.
     */
    @PostMapping("/entrant/sign-in")
    String signIn(@RequestParam(required = false) String link, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Optional<Entrant> entrant = links.take(link).flatMap(directory::find).filter(e -> !e.erased());
        if (entrant.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("invalid", true);
            return "entrant/sign-in";
        }
        Authentication authentication = new UsernamePasswordAuthenticationToken(
                new EntrantIdentity(entrant.get().id()), null,
                List.of(new SimpleGrantedAuthority(Role.ENTRANT.authority())));
        PageSessions.open(authentication, request, response);
        // The pages speak the language the entrant chose for their mail (the switcher still changes it).
        languages.setLocale(request, response, entrant.get().language().locale());
        return "redirect:/entrant";
    }

    /** Erases the entrant's contact data and ends their session; the page then says it is done. */
    @PostMapping("/entrant/erasure")
    String erase(Authentication authentication, HttpServletRequest request) {
        erasure.erase(((EntrantIdentity) authentication.getPrincipal()).entrantId());
        SecurityContextHolder.clearContext();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        return "redirect:/entrant?erased";
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
