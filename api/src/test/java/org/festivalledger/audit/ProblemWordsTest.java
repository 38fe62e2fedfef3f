package org.festivalledger.audit;

import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the verifier found wrong, as the auditor's pages say it: every kind of problem has its meaning in both
 * languages, and the verifier's own (English) words follow, marked as English for a screen reader.
 */
class ProblemWordsTest extends LedgerTestApplication {

    @Autowired
    private ITemplateEngine templates;

    @Test
    void everyKindOfProblemIsExplainedInBothLanguages() {
        for (Verification.Kind kind : Verification.Kind.values()) {
            Verification.Problem problem = new Verification.Problem(7, kind, "the verifier's detail");
            String chinese = words(problem, Locale.SIMPLIFIED_CHINESE);
            String english = words(problem, Locale.ENGLISH);
            assertThat(chinese).as(kind.name()).doesNotContain("??").contains("校验程序的原文")
                    .contains("<span lang=\"en\">the verifier&#39;s detail</span>");
            assertThat(chinese.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    .count()).as(kind.name()).isGreaterThan(8);
            assertThat(english).as(kind.name()).doesNotContain("??").contains("The verifier&#39;s words:");
            assertThat(english).isNotEqualTo(words(new Verification.Problem(7,
                    Verification.Kind.values()[(kind.ordinal() + 1) % Verification.Kind.values().length],
                    "the verifier's detail"), Locale.ENGLISH));
        }
    }

    private String words(Verification.Problem problem, Locale locale) {
        return templates.process("auditor/layout", Set.of("problemWords"), new Context(locale, Map.of("p", problem)));
    }
}
