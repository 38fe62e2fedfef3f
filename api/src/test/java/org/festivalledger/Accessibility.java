package org.festivalledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * axe-core, the accessibility rules engine, run inside the page a browser test is looking at. It is the npm package
 * {@code axe-core}, installed by {@code npm ci} in {@code api/src/test/browser/} ({@code .ci/run} does it); without it
 * the check fails and says how to install it, rather than passing unchecked.
 */
public final class Accessibility {

    private static final Path AXE = Path.of("src", "test", "browser", "node_modules", "axe-core", "axe.min.js");
    private static String source;

    private Accessibility() {
    }

    /** Fails on any serious or critical violation on the page the browser shows now, naming the rule and the nodes. */
    public static void assertNoSeriousViolations(ChromeDriver browser) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        browser.executeScript(axe());
        Object answer = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(result => done(JSON.stringify(result.violations)))"
                + ".catch(error => done('axe failed: ' + error));");
        String text = String.valueOf(answer);
        if (text.startsWith("axe failed")) {
            fail(text + " on " + browser.getCurrentUrl());
        }
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode violation : new ObjectMapper().readTree(text)) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                    serious.add(impact + " " + violation.path("id").asText() + ": " + violation.path("help").asText()
                            + " at " + targets);
                }
            }
        } catch (IOException e) {
            fail("axe's answer could not be read: " + text);
        }
        assertThat(serious).as("serious or critical accessibility violations on " + browser.getCurrentUrl()).isEmpty();
    }

    private static synchronized String axe() {
        if (source == null) {
            if (!Files.isRegularFile(AXE)) {
                fail("axe-core is not installed: run `npm ci` in api/src/test/browser/ (.ci/run does it) so that "
                        + AXE.toAbsolutePath() + " exists");
            }
            try {
                source = Files.readString(AXE);
            } catch (IOException e) {
                fail("axe-core could not be read from " + AXE.toAbsolutePath() + ": " + e);
            }
        }
        return source;
    }
}
