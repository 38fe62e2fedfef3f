package org.festivalledger.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.http.FormOnce;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * What every rendered page needs besides its own model: {@code pageLanguage} (for {@code <html lang>}),
 * {@code languageLinks} (the switcher, each link coming back to this page; after a form was posted, to the page the
 * form came from, its {@code Referer} when that is this site), {@code newFormKey}, the idempotency key a form
 * rendered now carries ({@link FormOnce}; a new one wherever it is written), and {@code signedInAs} for the
 * masthead unless the page named the visitor itself. Added only when a page is rendered, so the JSON API pays nothing for it.
 */
class PageFrame implements HandlerInterceptor {

    /**
     * A new form key each time a template writes it, so every form of a page carries its own: two forms of one page
     * (or of a page seen again with the back button) never share a key, and sending one never makes another's a
     * "form already sent".
     */
    private static final Object FRESH_FORM_KEY = new Object() {
        @Override
        public String toString() {
            return UUID.randomUUID().toString();
        }
    };

    /** One entry of the switcher. */
    record LanguageLink(String tag, String name, String href, boolean current) {
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        PageLanguage current = PageLanguage.of(LocaleContextHolder.getLocale());
        page.addObject("pageLanguage", current.tag());
        page.addObject("languageLinks", languageLinks(request, current));
        page.addObject("newFormKey", FRESH_FORM_KEY);
        page.addObject("formKeyField", FormOnce.FIELD);
        if (!page.getModel().containsKey("signedInAs")) {
            // Who the masthead names; a page of its own may name them otherwise (a juror by their name).
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            page.addObject("signedInAs", signedIn == null || signedIn instanceof AnonymousAuthenticationToken
                    ? null : signedIn.getName());
        }
    }

    static List<LanguageLink> languageLinks(HttpServletRequest request, PageLanguage current) {
        String back = backTo(request);
        return PageLanguage.all().stream().map(language -> new LanguageLink(language.tag(), language.ownName(),
                UriComponentsBuilder.fromPath(request.getContextPath() + LanguageSwitch.PATH)
                        .queryParam("lang", language.tag()).queryParam("back", back).encode().build().toUriString(),
                language == current)).toList();
    }

    private static String backTo(HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            return request.getRequestURI() + (query == null ? "" : "?" + query);
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI from = URI.create(referer);
                if (request.getServerName().equalsIgnoreCase(from.getHost()) && from.getRawPath() != null) {
                    return from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
                }
            } catch (IllegalArgumentException unreadable) {
                // fall through to this page's own path
            }
        }
        return request.getRequestURI();
    }
}
