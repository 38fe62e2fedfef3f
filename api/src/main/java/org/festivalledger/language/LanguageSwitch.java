package org.festivalledger.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language switcher on every page: a plain link (so it works without JavaScript) that remembers the choice
 * and goes back to the page it was followed from. Only a path on this site is returned to, never another site.
 */
@Controller
class LanguageSwitch {

    static final String PATH = "/language";

    private final LocaleResolver resolver;

    LanguageSwitch(LocaleResolver resolver) {
        this.resolver = resolver;
    }

    @GetMapping(PATH)
    String choose(@RequestParam(name = "lang", required = false) String tag,
                  @RequestParam(name = "back", required = false) String back,
                  HttpServletRequest request, HttpServletResponse response) {
        PageLanguage language = PageLanguage.of(tag);
        if (language != null) {
            resolver.setLocale(request, response, language.locale());
        }
        return "redirect:" + onThisSite(back);
    }

    /** {@code back} if it is a path on this site ("/x", not "//host" or "https://…"), else the front page. */
    static String onThisSite(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.chars().anyMatch(c -> c < 0x21 || c == '\\')) {
            return "/";
        }
        return back;
    }
}
