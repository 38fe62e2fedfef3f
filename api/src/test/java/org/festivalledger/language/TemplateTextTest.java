package org.festivalledger.language;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No word a person reads on a page is written in a template, a script or a page controller: it all comes from the
 * message bundles, so that every page reads the same in English and in Chinese. A template's own text is only the
 * natural placeholder that Thymeleaf replaces ({@code th:text}, {@code th:utext}, {@code th:replace},
 * {@code th:insert}, {@code th:remove}); user-visible attributes come from {@code th:} equivalents; quoted words in
 * expressions are message keys, not English.
 */
class TemplateTextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SCRIPTS = Path.of("src/main/resources/static/js");
    private static final Path SOURCES = Path.of("src/main/java");

    /** Attributes that replace the element's body (or the whole element), so the placeholder text is never shown. */
    private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert");

    /** Attributes a person reads (or hears, through a screen reader). */
    private static final List<String> READ_ATTRIBUTES = List.of("title", "alt", "placeholder", "aria-label", "label");

    /** Expressions whose value is shown to people, and may therefore hold no English literal. */
    private static final Set<String> SHOWN_EXPRESSIONS = Set.of("th:text", "th:utext", "th:attr", "th:title", "th:alt",
            "th:placeholder", "th:aria-label", "th:label", "th:value", "th:content", "th:with", "th:replace", "th:insert");

    /** Expressions that mostly pass ids, field names and input types, where only a word or phrase is suspect. */
    private static final Set<String> PASSING_EXPRESSIONS = Set.of("th:with", "th:replace", "th:insert");

    /** Attributes (set through {@code th:attr}) whose values are technical, never read. */
    private static final Pattern TECHNICAL_ATTRIBUTE = Pattern.compile(
            "id|class|href|src|for|name|type|role|inputmode|viewBox|aria-labelledby|aria-describedby|aria-invalid|aria-current|aria-controls|"
                    + "aria-expanded|aria-hidden|aria-sort|aria-live|data-stream|data-refresh-while-running|"
                    + "data-copies|data-entry|datetime|min|max|step|pattern|autocomplete|form|formaction|method|"
                    + "action|hreflang|lang|colspan|rowspan|scope|headers|open|selected|checked|disabled|required");

    /**
     * The true exceptions, each with its reason: text that is the same in every language.
     */
    private static final Map<String, String> ALLOWED = Map.of(
            "java -jar festival-ledger.jar verify ledger.jsonl", "a command typed as it stands, in any language",
            "English", "the language switcher names each language in itself, so a reader of either finds it",
            "中文", "the language switcher names each language in itself, so a reader of either finds it");

    private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
    /** Quoted words in a shown expression that are not words: a message key, a compared constant, a path. */
    private static final Pattern TECHNICAL_LITERAL = Pattern.compile(
            "[A-Z][A-Z0-9_]*" // an enum constant compared against
                    + "|true|false"
                    + "|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\." // a message key's prefix
                    + "|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+" // a message key
                    + "|[^\\s]*/[^\\s]*" // a path or URL
                    + "|[yMdHhmsSEaXxZz:\\-. T']+"); // a date or time pattern
    /** In a passed value, a capitalised word or a phrase of words is meant to be read. */
    private static final Pattern PHRASE = Pattern.compile(".*(\\p{L}{2,}\\s+\\p{L}{2,}|(^|\\s)\\p{Lu}\\p{Ll}).*");
    private static final Pattern INLINE_EXPRESSION = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]");
    private static final Pattern VOID_ELEMENT = Pattern.compile(
            "<(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)"
                    + "((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*/?>",
            Pattern.CASE_INSENSITIVE);

    @Test
    void templatesShowOnlyWordsFromTheBundles() throws IOException {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                findings.addAll(check(TEMPLATES.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(findings).as("text on pages that is not taken from a bundle").isEmpty();
    }

    @Test
    void theCheckFindsWhatItLooksFor() {
        String template = """
                <main><h1 th:text="#{heading}">Placeholder</h1><p>Written here</p><img src="x.png" alt="A poster">
                <input type="submit" value="Send"><span th:text="${open} ? 'open' : 'closed'">x</span>
                <span th:text="#{'status.' + ${s}}">RECEIVED</span><p th:remove="all">Example</p> · 3 —
                <a href="/x" title="Go there" th:title="#{go}" th:text="#{go}">go</a><a th:text="#{b}" title="Back">b</a>
                <b th:text="${values.get('comment')} ?: (${kind == 'appointed'} ? #{a} : #{b})">x</b><p>[[#{known}]]</p><p>English</p>
                <div th:replace="~{nav :: input('text', 'runtimeMinutes', #{runtime})}"></div>
                <div th:replace="~{nav :: head('Festival ledger')}"></div></main>""";
        assertThat(check("sample.html", template)).hasSize(7)
                .anyMatch(f -> f.contains("Written here")).anyMatch(f -> f.contains("A poster"))
                .anyMatch(f -> f.contains("Send")).anyMatch(f -> f.contains("'open'"))
                .anyMatch(f -> f.contains("'closed'")).anyMatch(f -> f.contains("'Festival ledger'"))
                .anyMatch(f -> f.contains("title=\"Back\""));
    }

    @Test
    void scriptsTakeTheirWordsFromThePage() throws IOException {
        Pattern sentence = Pattern.compile("([\"'])((?:(?!\\1).)*\\p{L}{2,}\\s+\\p{L}{2,}(?:(?!\\1).)*)\\1");
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SCRIPTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
                int number = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    number++;
                    String code = line.replaceAll("^\\s*//.*|\\s//.*$", "");
                    Matcher words = sentence.matcher(code);
                    while (words.find()) {
                        if (words.group(2).equals("use strict") || words.group(2).matches("[a-z0-9-]+( [a-z0-9-]+)*")
                                && code.contains("cell(")) {
                            continue; // the directive, and a cell's CSS classes
                        }
                        findings.add(file.getFileName() + ":" + number + " " + words.group());
                    }
                }
            }
        }
        assertThat(findings).as("English written in scripts instead of read from the page").isEmpty();
    }

    @Test
    void pageControllersPutNoEnglishOnPages() throws IOException {
        // A sentence given to a page's model, or a problem sentence shown next to a field, written in Java.
        Pattern shown = Pattern.compile(
                "(addAttribute|put|problem|problems\\.put)\\s*\\(\\s*(\"[^\"]*\"\\s*,\\s*)?\"([^\"]*\\p{L}{2,}\\s+\\p{L}{2,}[^\"]*)\"");
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(".*Pages?\\.java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher literal = shown.matcher(source);
                while (literal.find()) {
                    findings.add(file.getFileName() + ": " + literal.group());
                }
            }
        }
        assertThat(findings).as("sentences written in page controllers instead of message keys").isEmpty();
    }

    @Test
    void everyEventTheTrailDescribesHasANameInBothLanguages() throws IOException {
        Properties sentences = properties("events.properties");
        for (String bundle : List.of("auditor.properties", "auditor_zh_CN.properties")) {
            Properties auditor = properties(bundle);
            sentences.stringPropertyNames().stream().filter(key -> key.matches("event\\.[A-Z]\\w+"))
                    .forEach(key -> assertThat(auditor.getProperty("auditor.eventType." + key.substring(6)))
                            .as(bundle + " names " + key).isNotBlank());
        }
    }

    private static Properties properties(String file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("src/main/resources/i18n/pages", file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    static List<String> check(String name, String template) {
        Document page = Jsoup.parse(VOID_ELEMENT.matcher(template).replaceAll("<$1$2/>"), "", Parser.xmlParser());
        List<String> findings = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    checkText(name, text, findings);
                } else if (node instanceof Element element) {
                    checkAttributes(name, element, findings);
                    checkExpressions(name, element, findings);
                }
            }
        }, page);
        return findings;
    }

    private static void checkText(String name, TextNode text, List<String> findings) {
        String words = INLINE_EXPRESSION.matcher(text.getWholeText()).replaceAll("").strip();
        if (words.codePoints().noneMatch(Character::isLetter) || ALLOWED.containsKey(words)) {
            return;
        }
        Element holder = (Element) text.parent();
        if (holder == null || hidden(holder) || Set.of("script", "style").contains(holder.normalName())) {
            return;
        }
        findings.add(name + ": text \"" + words.replaceAll("\\s+", " ") + "\" in <" + holder.normalName() + ">");
    }

    private static void checkAttributes(String name, Element element, List<String> findings) {
        // th:text and th:insert on the element itself replace its body, not its attributes.
        boolean removed = element.hasAttr("th:replace")
                || element.hasAttr("th:remove") && element.attr("th:remove").strip().equals("all");
        if (removed || element.parent() != null && hidden(element.parent())) {
            return;
        }
        List<String> read = new ArrayList<>(READ_ATTRIBUTES);
        if (element.normalName().equals("input") && Set.of("submit", "button", "reset").contains(element.attr("type"))) {
            read.add("value");
        }
        if (element.normalName().equals("meta") && element.attr("name").equals("description")) {
            read.add("content");
        }
        for (String attribute : read) {
            String value = element.attr(attribute);
            if (value.codePoints().anyMatch(Character::isLetter) && !ALLOWED.containsKey(value)
                    && !element.hasAttr("th:" + attribute)
                    && !Pattern.compile("(^|,)\\s*" + Pattern.quote(attribute) + "\\s*=").matcher(element.attr("th:attr")).find()) {
                findings.add(name + ": attribute " + attribute + "=\"" + value + "\" on <" + element.normalName() + ">");
            }
        }
    }

    private static void checkExpressions(String name, Element element, List<String> findings) {
        for (var attribute : element.attributes()) {
            if (!SHOWN_EXPRESSIONS.contains(attribute.getKey()) || attribute.getKey().equals("th:value")
                    && !(element.normalName().equals("input")
                    && Set.of("submit", "button", "reset").contains(element.attr("type")))) {
                continue;
            }
            List<String> parts = attribute.getKey().equals("th:attr") || attribute.getKey().equals("th:with")
                    ? assignments(attribute.getValue()) : List.of("=" + attribute.getValue());
            boolean passing = PASSING_EXPRESSIONS.contains(attribute.getKey());
            for (String part : parts) {
                int equals = part.indexOf('=');
                String target = part.substring(0, equals).strip();
                if (TECHNICAL_ATTRIBUTE.matcher(target).matches()) {
                    continue;
                }
                String expression = withoutMessages(part.substring(equals + 1));
                Matcher literal = LITERAL.matcher(expression);
                while (literal.find()) {
                    String words = literal.group(1);
                    boolean technical = passing
                            ? !PHRASE.matcher(words.strip()).matches()
                            : TECHNICAL_LITERAL.matcher(words).matches() || lookedUpOrCompared(expression, literal);
                    if (words.codePoints().anyMatch(Character::isLetter) && !technical && !ALLOWED.containsKey(words)) {
                        findings.add(name + ": literal '" + words + "' in " + attribute.getKey() + "=\""
                                + attribute.getValue() + "\"");
                    }
                }
            }
        }
    }

    /** Whether a literal is an argument or index ({@code values.get('comment')}, {@code m['from']}) or compared. */
    private static boolean lookedUpOrCompared(String expression, Matcher literal) {
        String before = expression.substring(0, literal.start()).stripTrailing();
        String after = expression.substring(literal.end()).stripLeading();
        boolean argument = !before.isEmpty() && "([,".indexOf(before.charAt(before.length() - 1)) >= 0
                && !after.isEmpty() && ")],".indexOf(after.charAt(0)) >= 0;
        boolean compared = before.endsWith("==") || before.endsWith("!=") || after.startsWith("==") || after.startsWith("!=");
        return argument || compared;
    }

    /** Whether Thymeleaf replaces or removes this element's body, or one of its ancestors'. */
    private static boolean hidden(Element element) {
        for (Element at = element; at != null; at = at.parent()) {
            for (String attribute : REPLACING) {
                if (at.hasAttr(attribute)) {
                    return true;
                }
            }
            if (at.hasAttr("th:remove") && !Set.of("tag", "none").contains(at.attr("th:remove").strip())) {
                return true;
            }
        }
        return false;
    }

    /** {@code name=expression} pairs of a {@code th:attr} or {@code th:with}, split on top-level commas. */
    private static List<String> assignments(String value) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '{' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == '}' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts.stream().filter(p -> p.contains("=")).toList();
    }

    /** The expression without its message-key calls {@code #{...}}, whose quoted parts are keys. */
    private static String withoutMessages(String expression) {
        StringBuilder rest = new StringBuilder();
        int i = 0;
        while (i < expression.length()) {
            if (expression.startsWith("#{", i)) {
                int depth = 0;
                int j = i + 1;
                for (; j < expression.length(); j++) {
                    char c = expression.charAt(j);
                    if (c == '{') {
                        depth++;
                    } else if (c == '}' && --depth == 0) {
                        break;
                    }
                }
                i = j + 1;
            } else {
                rest.append(expression.charAt(i++));
            }
        }
        return rest.toString();
    }
}
