package org.festivalledger.judging;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JudgingEvent#TYPES} is the one list of the judging's events (the read side's fold and the verifier's
 * whitelist are built on it): every event the domain declares as a judging event must be on it.
 */
class JudgingEventTypesTest {

    @Test
    void everyJudgingEventIsListedOnce() throws Exception {
        List<Class<?>> declared = domainClasses().filter(JudgingEvent.class::isAssignableFrom)
                .filter(type -> !type.isInterface()).toList();

        assertThat(declared).as("judging events found in the domain").hasSizeGreaterThanOrEqualTo(16);
        assertThat(JudgingEvent.TYPES).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                declared.stream().map(type -> type.asSubclass(JudgingEvent.class)).toList());
    }

    @Test
    void everyJudgingEventIsARevisionedRecord() {
        assertThat(JudgingEvent.TYPES).allSatisfy(type -> {
            assertThat(type.isRecord()).as(type.getSimpleName() + " is a record").isTrue();
            assertThat(type.getAnnotation(Revision.class)).as(type.getSimpleName() + " has a @Revision").isNotNull();
        });
    }

    /** Every class compiled from the domain's main sources (the folder JudgingEvent was loaded from). */
    private static Stream<Class<?>> domainClasses() throws URISyntaxException, IOException {
        Path root = Path.of(JudgingEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(JudgingEventTypesTest::load).toList().stream();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, JudgingEventTypesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
