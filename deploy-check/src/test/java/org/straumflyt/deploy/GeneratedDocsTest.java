package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.junit.jupiter.api.Test;

/**
 * The generated parts of the docs (configuration tables, the store layout, the renamed metrics) are what the code
 * generates today. With {@code -Dstraumflyt.docs.write=true} the test rewrites them instead:
 * {@value GeneratedDocs#REGENERATE}.
 */
class GeneratedDocsTest {
    private static final boolean WRITE = Boolean.getBoolean("straumflyt.docs.write");

    @Test
    void theGeneratedPartsOfTheDocsAreWhatTheCodeGenerates() throws IOException {
        List<String> stale = new ArrayList<>();
        for (String doc : GeneratedDocs.docs()) {
            Path file = Repo.path(doc);
            String current = Repo.text(file);
            String expected = GeneratedDocs.regenerate(doc, current);
            if (WRITE && !expected.equals(current)) {
                Files.writeString(file, expected);
                current = expected;
            }
            if (!current.equals(expected)) {
                stale.add(firstDifference(doc, current, expected));
            }
        }
        assertThat(stale).as("docs that differ from the code they document; regenerate them with:%n%s%n",
                GeneratedDocs.REGENERATE).isEmpty();
    }

    @Test
    void theOperatorsGuideShowsTheRegenerateCommand() {
        assertThat(Repo.text(Repo.path("docs/OPERATIONS.md"))).contains("`" + GeneratedDocs.REGENERATE + "`");
    }

    /** Where a document first differs from what it should be, in a line or two. */
    static String firstDifference(String doc, String actual, String expected) {
        List<String> is = actual.lines().toList();
        List<String> shouldBe = expected.lines().toList();
        int line = 0;
        while (line < is.size() && line < shouldBe.size() && is.get(line).equals(shouldBe.get(line))) {
            line++;
        }
        return doc + ":" + (line + 1) + ": is \"" + (line < is.size() ? is.get(line) : "(end)") + "\", should be \""
                + (line < shouldBe.size() ? shouldBe.get(line) : "(end)") + "\"";
    }

    @Test
    void aPartIsReplacedBetweenItsMarkersAndTheTextAroundItIsKept() {
        String doc = "Intro.\n<!-- t:begin -->\nold table\n<!-- t:end -->\nOutro.\n";

        String replaced = GeneratedDocs.replace("x.md", doc, "<!-- t:begin -->", "<!-- t:end -->", "| new |\n");

        assertThat(replaced).isEqualTo("Intro.\n<!-- t:begin -->\n| new |\n<!-- t:end -->\nOutro.\n");
        assertThat(GeneratedDocs.replace("x.md", replaced, "<!-- t:begin -->", "<!-- t:end -->", "| new |"))
                .isEqualTo(replaced);
    }

    @Test
    void aDocumentWithoutItsMarkersIsNamed() {
        assertThatThrownBy(() -> GeneratedDocs.replace("docs/X.md", "no markers", "<!-- t:begin -->",
                "<!-- t:end -->", "text")).hasMessageContaining("docs/X.md").hasMessageContaining("<!-- t:begin -->");
        assertThatThrownBy(() -> GeneratedDocs.replace("docs/X.md", "<!-- t:end -->\n<!-- t:begin -->",
                "<!-- t:begin -->", "<!-- t:end -->", "text")).hasMessageContaining("in that order");
    }

    @Test
    void aDifferenceIsShownByItsFirstLine() {
        assertThat(firstDifference("d.md", "a\nb\nc\n", "a\nB\nc\n")).isEqualTo("d.md:2: is \"b\", should be \"B\"");
        assertThat(firstDifference("d.md", "a\n", "a\nb\n")).isEqualTo("d.md:2: is \"(end)\", should be \"b\"");
    }

    @Test
    void aConfigurationTableShowsEachKeyWithItsVariableDefaultAndDocumentation() {
        ConfigDef definition = new ConfigDef()
                .define("a.port", Type.INT, 8081, Importance.HIGH, "Port; 0 picks a free one.")
                .define("a.dir", Type.STRING, System.getProperty("java.io.tmpdir") + "/a-state", Importance.LOW,
                        "State <dir>.")
                .define("a.secret", Type.PASSWORD, null, Importance.LOW, "Secret | token.")
                .define("a.list", Type.LIST, "", Importance.LOW, "Entries.")
                .define("a.needed", Type.STRING, Importance.LOW, "Required.")
                .define("b.other", Type.STRING, "x", Importance.LOW, "Left out.");

        String table = ConfigTable.markdown(definition, key -> key.startsWith("a."));

        assertThat(table.lines()).containsExactly(
                "| key | environment variable | default | meaning |",
                "|---|---|---|---|",
                "| `a.port` | `STRAUMFLYT_A_PORT` | `8081` | Port; 0 picks a free one. |",
                "| `a.dir` | `STRAUMFLYT_A_DIR` | `<java.io.tmpdir>/a-state` | State \\<dir>. |",
                "| `a.secret` | `STRAUMFLYT_A_SECRET` or `STRAUMFLYT_A_SECRET_FILE` | none | Secret \\| token. |",
                "| `a.list` | `STRAUMFLYT_A_LIST` | empty | Entries. |",
                "| `a.needed` | `STRAUMFLYT_A_NEEDED` | required | Required. |");
    }

    @Test
    void aMarkdownCellEscapesWhatWouldBreakTheTable() {
        assertThat(Markdown.cell("a|b, straumflyt-ingest-<hostname>,\n  next line"))
                .isEqualTo("a\\|b, straumflyt-ingest-\\<hostname>, next line");
    }
}
