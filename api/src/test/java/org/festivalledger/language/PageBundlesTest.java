package org.festivalledger.language;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page bundles: every area has an English and a Chinese bundle, with the same keys, no empty message, and
 * apostrophes written as MessageFormat wants them ({@code ''}), since every message goes through it.
 */
class PageBundlesTest {

    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void everyAreaHasAnEnglishAndAChineseBundleWithTheSameKeys() throws IOException {
        List<String> areas = PageLanguageConfiguration.bundles();
        assertThat(areas).contains("i18n/pages/common", "i18n/pages/refusals");
        for (String area : areas) {
            Properties english = load(area + ".properties");
            Properties chinese = load(area + "_zh_CN.properties");
            assertThat(new TreeSet<>(chinese.stringPropertyNames())).as("the keys of %s in Chinese", area)
                    .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        }
    }

    @Test
    void noMessageIsEmptyOrHasALoneApostrophe() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources(PageLanguageConfiguration.BUNDLES)) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                if (text.isBlank()) {
                    problems.add(file.getFilename() + " " + key + " is empty");
                }
                if (LONE_APOSTROPHE.matcher(text).find()) {
                    problems.add(file.getFilename() + " " + key + " has a lone ' (write '')");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theChineseBundlesAreWrittenInChinese() throws IOException {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/pages/*_zh_CN.properties")) {
            Properties messages = load(file);
            long chinese = messages.values().stream().map(String::valueOf)
                    .filter(text -> text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .count();
            assertThat(chinese).as("messages of %s written with Chinese characters", file.getFilename())
                    .isGreaterThanOrEqualTo(messages.size() * 8L / 10);
        }
    }

    private static Properties load(String path) throws IOException {
        Resource file = new PathMatchingResourcePatternResolver().getResource("classpath:" + path);
        assertThat(file.exists()).as(path).isTrue();
        return load(file);
    }

    private static Properties load(Resource file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
