package org.straumflyt.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnergyTest {
    @Test
    void shouldConvertBetweenPowerAndEnergyOverMilliseconds() {
        assertThat(Energy.kwh(2.0, 1_800_000)).isEqualTo(1.0);
        assertThat(Energy.kwh(4.0, 900_000)).isEqualTo(1.0);
        assertThat(Energy.meanKw(1.0, 900_000)).isEqualTo(4.0);
        assertThat(Energy.meanKw(Energy.kwh(3.5, 60_000), 60_000)).isEqualTo(3.5);
    }
}
