package org.festivalledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page reduced to its structure: every element in document order with its attributes, without the text and
 * without the attributes that carry language (or change from one rendering to the next: the form key, the CSRF
 * token). Two pages of one kind drawn from the same data in English and in Chinese must have the same shape: they
 * differ only in text. Written for the HTML our templates produce; not a general HTML parser.
 */
public final class PageShape {

    private static final Pattern TAG = Pattern.compile(
            "<!--.*?-->|<![^>]*>|</([a-zA-Z][\\w-]*)\\s*>|<([a-zA-Z][\\w-]*)((?:\\s+[^\\s=/>]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*/?>",
            Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s=/>]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?");
    /** Raw-text elements: their content is text, never markup. */
    private static final Set<String> RAW = Set.of("script", "style", "textarea", "title");
    /** Attributes whose value is language, wherever they appear. */
    private static final Set<String> WORDS = Set.of("lang", "aria-label", "title", "alt", "placeholder", "hreflang");

    private PageShape() {
    }

    /** The shape of a page: one line per start or end tag, attributes sorted, language left out. */
    public static List<String> of(String html) {
        List<String> shape = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        int from = 0;
        while (tag.find(from)) {
            if (tag.group(2) != null) {
                String name = tag.group(2).toLowerCase(Locale.ROOT);
                Map<String, String> attributes = attributes(tag.group(3));
                shape.add("<" + name + structural(name, attributes) + ">");
                from = tag.end();
                if (RAW.contains(name)) {
                    int close = html.toLowerCase(Locale.ROOT).indexOf("</" + name, from);
                    from = close < 0 ? html.length() : close;
                }
            } else {
                if (tag.group(1) != null) {
                    shape.add("</" + tag.group(1).toLowerCase(Locale.ROOT) + ">");
                }
                from = tag.end();
            }
        }
        return shape;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> found = new TreeMap<>();
        Matcher attribute = ATTRIBUTE.matcher(text == null ? "" : text);
        while (attribute.find()) {
            String value = attribute.group(2) != null ? attribute.group(2)
                    : attribute.group(3) != null ? attribute.group(3)
                    : attribute.group(4) != null ? attribute.group(4) : "";
            found.put(attribute.group(1).toLowerCase(Locale.ROOT), value);
        }
        return found;
    }

    /** The attributes that are structure, as text: the language-carrying ones are dropped. */
    private static String structural(String element, Map<String, String> attributes) {
        Map<String, String> kept = new TreeMap<>(attributes);
        kept.keySet().removeAll(WORDS);
        // A script's words, in the page's language (data-words-live…): the page's convention for them.
        kept.keySet().removeIf(name -> name.startsWith("data-words-"));
        if (attributes.containsKey("hreflang")) {
            // The language switcher: which link is the current one, and where it goes, is the language itself.
            kept.remove("href");
            kept.remove("aria-current");
        }
        if ("meta".equals(element) && "description".equals(attributes.get("name"))) {
            kept.remove("content");
        }
        if ("input".equals(element) && ("submit".equals(attributes.get("type"))
                || "_csrf".equals(attributes.get("name")) || "formKey".equals(attributes.get("name")))) {
            kept.remove("value");
        }
        StringBuilder text = new StringBuilder();
        kept.forEach((name, value) -> text.append(' ').append(name).append("=\"").append(value).append('"'));
        return text.toString();
    }

    /** Whether a text has a Han character (a Chinese page does). */
    public static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
