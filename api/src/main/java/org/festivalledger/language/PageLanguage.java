package org.festivalledger.language;

import java.util.List;
import java.util.Locale;

/** The languages the pages are written in, and how a visitor's wish is matched to one of them. */
public enum PageLanguage {

    CHINESE(Locale.SIMPLIFIED_CHINESE, "中文"),
    ENGLISH(Locale.ENGLISH, "English");

    /** When nothing the visitor asked for is offered: English, the festival's lingua franca for its jury. */
    public static final PageLanguage DEFAULT = ENGLISH;

    private final Locale locale;
    private final String ownName;

    PageLanguage(Locale locale, String ownName) {
        this.locale = locale;
        this.ownName = ownName;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself, as a switcher shows it ("中文", "English"). */
    public String ownName() {
        return ownName;
    }

    /** The BCP 47 tag, as {@code <html lang>} and {@code ?lang=} spell it: {@code zh-CN}, {@code en}. */
    public String tag() {
        return locale.toLanguageTag();
    }

    /** The offered language a tag asks for, if any; any Chinese (zh, zh-Hans, zh-TW) reads the Simplified pages. */
    public static PageLanguage of(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return switch (language) {
            case "zh" -> CHINESE;
            case "en" -> ENGLISH;
            default -> null;
        };
    }

    /** The first offered language in an {@code Accept-Language} header, by its q-values; else the default. */
    public static PageLanguage fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                PageLanguage offered = of(range.getRange());
                if (offered != null && range.getWeight() > 0) {
                    return offered;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // A header no one could read asks for nothing in particular.
        }
        return DEFAULT;
    }

    /** The page language a locale is, or the default. */
    public static PageLanguage of(Locale locale) {
        PageLanguage language = locale == null ? null : of(locale.toLanguageTag());
        return language == null ? DEFAULT : language;
    }

    public static List<PageLanguage> all() {
        return List.of(values());
    }
}
