package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of production code says what lives in it: a newcomer opens package-info.java first. */
class PackageInfoTest {

    @Test
    void everyProductionPackageHasAPackageInfo() throws IOException {
        List<Path> packages;
        try (Stream<Path> files = Files.walk(Repo.root())) {
            packages = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .map(Path::getParent).distinct().toList();
        }
        assertThat(packages).as("production packages found under %s", Repo.root()).hasSizeGreaterThan(40);
        assertThat(packages.stream().filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                .map(dir -> Repo.root().relativize(dir).toString()).sorted().toList())
                .as("packages without a package-info.java that says what lives there").isEmpty();
    }
}
