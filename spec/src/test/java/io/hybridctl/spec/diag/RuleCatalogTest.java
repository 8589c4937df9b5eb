package io.hybridctl.spec.diag;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCatalogTest {

    @Test
    void everyCodeIsDocumented() {
        assertThat(RuleCatalog.get().all()).hasSizeGreaterThan(50);
        for (RuleDoc d : RuleCatalog.get().all()) {
            assertThat(d.code()).matches("(SPEC|EKS|CTL|NODE|DES)\\d{3}");
            assertThat(d.title()).isNotBlank();
            assertThat(d.explain()).as(d.code()).isNotBlank();
        }
    }

    @Test
    void everyCodeUsedInTheSourcesIsInTheCatalogue() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern code = Pattern.compile("\"((?:SPEC|EKS|CTL|NODE|DES)\\d{3})\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = code.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        for (String c : used) {
            assertThat(RuleCatalog.get().find(c)).as(c).isPresent();
        }
    }
}
