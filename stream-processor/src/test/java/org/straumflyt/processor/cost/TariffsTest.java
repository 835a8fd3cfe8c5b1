package org.straumflyt.processor.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.Building;

class TariffsTest {
    private static final String VERSION = """
            {"validFrom": "%s", "vatRate": 0.25, "ratesIncludeVat": false,
             "supplier": {"markupNokPerKwh": 0.02, "fixedNokPerMonth": 0},
             "gridEnergy": [%s],
             "capacity": {"steps": [{"fromKw": 0, "nokPerMonth": %s}]},
             "gridFixedNokPerMonth": 0, "fees": []}""";

    private static String file(String versions) {
        return "{\"tariffs\": {\"t\": [" + versions + "]}}";
    }

    @Test
    void theDocumentedExampleIsValid() {
        Tariffs tariffs = Tariffs.read(Path.of("../docs/examples/tariffs.json"));

        assertThat(tariffs.tariffs()).containsOnlyKeys("naering-liten", "naering-stor");
        assertThat(tariffs.zoneOf(new Building("b", null, "3201", null, 0, null, null, null, false, null)))
                .isEqualTo(BiddingZone.NO1);
        assertThat(tariffs.versionAt("naering-liten", LocalDate.of(2025, 12, 31))).isNull();
        assertThat(tariffs.versionAt("naering-liten", LocalDate.of(2026, 3, 1)).label())
                .matches("naering-liten@2026-01-01#[0-9a-f]{8}");
    }

    @Test
    void theVersionValidOnADateIsTheLatestStartedOne() {
        Tariffs tariffs = Tariffs.parse(file(VERSION.formatted("2026-07-01", "{\"nokPerKwh\": 0.5}", 200) + ","
                + VERSION.formatted("2026-01-01", "{\"nokPerKwh\": 0.4}", 100)), "t.json");

        assertThat(tariffs.versionAt("t", LocalDate.of(2026, 6, 30)).version().gridEnergy().get(0).nokPerKwh())
                .isEqualTo(0.4);
        assertThat(tariffs.versionAt("t", LocalDate.of(2026, 7, 1)).version().gridEnergy().get(0).nokPerKwh())
                .isEqualTo(0.5);
    }

    @Test
    void aCorrectedVersionGetsAnotherLabel() {
        String a = file(VERSION.formatted("2026-01-01", "{\"nokPerKwh\": 0.4}", 100));
        String b = file(VERSION.formatted("2026-01-01", "{\"nokPerKwh\": 0.41}", 100));

        assertThat(Tariffs.parse(a, "a").versionAt("t", LocalDate.of(2026, 1, 1)).label())
                .isNotEqualTo(Tariffs.parse(b, "b").versionAt("t", LocalDate.of(2026, 1, 1)).label());
    }

    @Test
    void everyProblemIsNamedWithItsTariffAndVersion() {
        String json = file(VERSION.formatted("2026-01-01", "{\"days\": \"weekdays\", \"nokPerKwh\": 0.4}", -5));

        assertThatThrownBy(() -> Tariffs.parse(json, "t.json")).isInstanceOf(Tariffs.TariffException.class)
                .hasMessageContaining("tariff t version 2026-01-01: gridEnergy has no rate for month 1, weekends, "
                        + "hour 0")
                .hasMessageContaining("capacity.steps[0] must have a fromKw above the step before and a nokPerMonth >= 0");
    }

    @Test
    void aMisspeltFieldIsAnErrorNotAZeroRate() {
        String json = file(VERSION.formatted("2026-01-01", "{\"nokPerKWh\": 0.4}", 100));

        assertThatThrownBy(() -> Tariffs.parse(json, "t.json")).isInstanceOf(Tariffs.TariffException.class)
                .hasMessageContaining("nokPerKWh");
    }

    @Test
    void anUnknownDefaultTariffAndAMissingFileAreNamed() {
        assertThatThrownBy(() -> Tariffs.parse("{\"defaultTariff\": \"x\", \"tariffs\": {\"t\": ["
                + VERSION.formatted("2026-01-01", "{\"nokPerKwh\": 0.4}", 100) + "]}}", "t.json"))
                .hasMessageContaining("defaultTariff x is not one of the tariffs [t]");
        assertThatThrownBy(() -> Tariffs.read(Path.of("no-such-tariffs.json")))
                .hasMessage("tariff file no-such-tariffs.json does not exist");
    }
}
