package org.festivalledger;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's map of the code and the ADR index say what is there: every package and every decision. */
class DocumentationTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> MODULES = List.of("ledger", "domain", "projections", "api", "bench");

    @Test
    void theReadmeNamesEveryPackageOfEveryModule() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String architecture = readme.substring(readme.indexOf("## Architecture"),
                readme.indexOf("## Walk through the demo in a browser"));
        for (String module : MODULES) {
            Path sources = ROOT.resolve(module).resolve("src/main/java/org/festivalledger");
            try (Stream<Path> packages = Files.walk(sources)) {
                packages.filter(Files::isDirectory).filter(dir -> !dir.equals(sources))
                        .map(dir -> sources.relativize(dir).toString().replace('/', '.'))
                        .forEach(pkg -> assertThat(architecture).as(module + " package " + pkg)
                                .contains("`" + pkg + "`"));
            }
        }
    }

    @Test
    void theAdrIndexListsEveryDecision() throws IOException {
        Path adr = ROOT.resolve("docs/adr");
        String index = Files.readString(adr.resolve("README.md"));
        try (Stream<Path> records = Files.list(adr)) {
            List<String> names = records.map(path -> path.getFileName().toString())
                    .filter(name -> name.matches("\\d{4}-.*\\.md")).toList();
            assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(index).contains("(" + name + ")"));
        }
    }
}
