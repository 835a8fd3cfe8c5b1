package org.straumflyt.processor.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.AlertKind;
import org.straumflyt.processor.ProcessorConfig;

/** The follow-up keys of the processor's configuration. */
class FollowUpRulesConfigTest {
    private static ProcessorConfig config(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new ProcessorConfig(values);
    }

    @Test
    void shouldDefaultToTheDocumentedRules() {
        assertThat(config().followUpRules()).isEqualTo(FollowUpRules.defaults());
        assertThat(config().followUpEnabled()).isTrue();
    }

    @Test
    void shouldReadEveryKey() {
        FollowUpRules rules = config("followup.detectors", "meter_silent,new_peak", "followup.reference.year", "2021",
                "followup.energy.margin.percent", "20", "followup.energy.days", "5", "followup.meter.hours", "12",
                "followup.check.interval.seconds", "300", "followup.enabled", "false").followUpRules();
        assertThat(rules.detectors()).containsExactlyInAnyOrder(AlertKind.METER_SILENT, AlertKind.NEW_PEAK);
        assertThat(rules.referenceYear()).isEqualTo(2021);
        assertThat(rules.energyMarginPercent()).isEqualTo(20);
        assertThat(rules.energyDays()).isEqualTo(5);
        assertThat(rules.meterHours()).isEqualTo(Duration.ofHours(12));
        assertThat(rules.checkInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config("followup.enabled", "false").followUpEnabled()).isFalse();
    }

    @Test
    void shouldRefuseABadYearOrKindNamingTheKey() {
        assertThatThrownBy(() -> config("followup.reference.year", "last year"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("followup.reference.year");
        assertThatThrownBy(() -> config("followup.detectors", "meter_silent,ghosts"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("followup.detectors")
                .hasMessageContaining("ghosts");
    }
}
