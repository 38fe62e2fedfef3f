package org.festivalledger.language;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

import java.time.Duration;
import java.util.Locale;

/**
 * The language a page is written in: the one the visitor chose with the switcher (remembered in a cookie for a
 * year), else the first offered one in their browser's {@code Accept-Language}. Only the offered languages are ever
 * resolved, so a page never mixes a German date with English words.
 */
class ChosenLanguage implements LocaleResolver {

    static final String COOKIE = "ledger-language";
    private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        PageLanguage chosen = null;
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    chosen = PageLanguage.of(cookie.getValue());
                }
            }
        }
        return (chosen != null ? chosen : PageLanguage.fromAcceptLanguage(request.getHeader("Accept-Language"))).locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        PageLanguage language = PageLanguage.of(locale);
        Cookie cookie = new Cookie(COOKIE, language.tag());
        cookie.setPath("/");
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
