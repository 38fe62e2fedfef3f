package org.festivalledger;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web layer's packages depend one way: {@code security} builds on {@code http} (problem answers, views'
 * progress, the idempotency filter) and both on {@code identity} (who acts); {@code http} never reaches back into
 * {@code security}, and {@code identity} into neither.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/festivalledger");

    @Test
    void httpDoesNotDependOnSecurity() throws IOException {
        assertThat(importsOf("http")).noneMatch(line -> line.startsWith("import org.festivalledger.security."));
    }

    @Test
    void identityDependsOnNeitherHttpNorSecurity() throws IOException {
        assertThat(importsOf("identity")).noneMatch(line -> line.startsWith("import org.festivalledger.security.")
                || line.startsWith("import org.festivalledger.http."));
    }

    private static List<String> importsOf(String pkg) throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
            return files.filter(file -> file.toString().endsWith(".java")).flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream().filter(line -> line.startsWith("import "));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
