package org.straumflyt.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.Carrier;
import org.straumflyt.runtime.ServiceContext;

class PortfolioConfigTest {

    @Test
    void shouldRunThePortfolioApplicationByDefaultUnderItsOwnApplicationId() {
        ProcessorConfig config = new ProcessorConfig(Map.of("application.id", "bodo-processor"));

        var rules = config.portfolioRules();
        assertThat(config.portfolioEnabled()).isTrue();
        assertThat(rules.zone()).isEqualTo(ZoneId.of("Europe/Oslo"));
        assertThat(rules.freshWithin()).isEqualTo(Duration.ofMinutes(120));
        assertThat(rules.emitInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(rules.renewableShares().knows("3201")).isFalse();
        assertThat(rules.yearlyMinCoverage()).isEqualTo(0.95);
        assertThat(new ProcessorService(config, ServiceContext.create("test")).portfolioApplicationId())
                .isEqualTo("bodo-processor-portfolio");
    }

    @Test
    void shouldReadTheCarriersRenewableSharesAndTheFreshnessWindow() {
        ProcessorConfig config = new ProcessorConfig(Map.of(
                "portfolio.renewable.shares", "electricity:0.98, district-heating:0.6",
                "portfolio.meter.fresh.minutes", "30", "portfolio.emit.interval.seconds", "5"));

        var rules = config.portfolioRules();
        assertThat(rules.renewableShares().defaults())
                .isEqualTo(Map.of(Carrier.ELECTRICITY, 0.98, Carrier.DISTRICT_HEATING, 0.6));
        assertThat(rules.renewableShares().share("3201", Carrier.GAS)).isZero();
        assertThat(rules.freshWithin()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rules.emitInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldReadAMunicipalitysOwnRenewableSharesTheYearlyThresholdAndTheDegreeDayShares() {
        ProcessorConfig config = new ProcessorConfig(Map.of(
                "portfolio.renewable.shares", "electricity:0.5",
                "portfolio.renewable.shares.municipal", "3201/electricity:1.0, 3201/district_heating:0.85",
                "portfolio.yearly.min.coverage", "0.8", "degree.days.shares", "school:0.7"));

        var rules = config.portfolioRules();
        assertThat(rules.renewableShares().share("3201", Carrier.ELECTRICITY)).isEqualTo(1.0);
        assertThat(rules.renewableShares().share("3201", Carrier.DISTRICT_HEATING)).isEqualTo(0.85);
        assertThat(rules.renewableShares().share("4601", Carrier.ELECTRICITY)).isEqualTo(0.5);
        assertThat(rules.yearlyMinCoverage()).isEqualTo(0.8);
        assertThat(rules.degreeDays().share(org.straumflyt.model.BuildingCategory.SCHOOL)).isEqualTo(0.7);
        assertThatThrownBy(() -> new ProcessorConfig(Map.of("portfolio.renewable.shares.municipal",
                "electricity:1.0")).portfolioRules()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("portfolio.renewable.shares.municipal");
        assertThatThrownBy(() -> new ProcessorConfig(Map.of("portfolio.yearly.min.coverage", "1.5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("portfolio.yearly.min.coverage");
    }

    @Test
    void shouldRejectAnUnknownCarrierOrAShareAboveOneNamingTheKey() {
        assertThatThrownBy(() -> new ProcessorConfig(Map.of("portfolio.renewable.shares", "steam:0.5"))
                .portfolioRules()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("portfolio.renewable.shares").hasMessageContaining("steam");
        assertThatThrownBy(() -> new ProcessorConfig(Map.of("portfolio.renewable.shares", "electricity:1.5"))
                .portfolioRules()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("portfolio.renewable.shares");
        assertThatThrownBy(() -> new ProcessorConfig(Map.of("portfolio.time.zone", "Europe/Bergen"))
                .portfolioRules()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("Europe/Bergen");
    }
}
