package org.festivalledger.language;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.List;

/**
 * What every page's masthead needs to offer the other language: {@code pageLanguage} (for {@code <html lang>}) and
 * {@code languageLinks}, each a link to the switcher that comes back to this page. After a form was posted, the page
 * the form came from (its {@code Referer}, when it is this site) is the one to come back to.
 */
@ControllerAdvice(annotations = Controller.class)
class LanguageLinks {

    /** One entry of the switcher. */
    record LanguageLink(String tag, String name, String href, boolean current) {
    }

    @ModelAttribute("pageLanguage")
    String pageLanguage() {
        return PageLanguage.of(LocaleContextHolder.getLocale()).tag();
    }

    @ModelAttribute("languageLinks")
    List<LanguageLink> languageLinks(HttpServletRequest request) {
        PageLanguage current = PageLanguage.of(LocaleContextHolder.getLocale());
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
