package org.straumflyt.tools.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RegistryColumnsTest {

    @Test
    void theDocumentedColumnTableIsTheOneTheParserUses() throws Exception {
        List<String> documented = Files.readAllLines(Path.of("../docs/REGISTRY.md")).stream()
                .filter(line -> line.startsWith("| `")).filter(line -> line.contains(" | building | ")
                        || line.contains(" | meter | "))
                .toList();

        assertThat(documented).containsExactlyElementsOf(RegistryColumns.ALL.stream()
                .map(c -> "| `" + c.name() + "` | " + c.level().name().toLowerCase(Locale.ROOT) + " | "
                        + c.description() + " |")
                .toList());
    }

    @Test
    void theExampleFilesHeaderIsTheDocumentedHeader() throws Exception {
        assertThat(Files.readAllLines(RegistryCsvParserTest.SAMPLE)).contains(RegistryColumns.header());
    }
}
