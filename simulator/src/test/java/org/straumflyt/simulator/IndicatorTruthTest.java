package org.straumflyt.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.straumflyt.model.Building;
import org.straumflyt.simulator.fleet.FleetGenerator;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.fleet.SimBuilding;
import org.straumflyt.simulator.truth.IndicatorTruth;

/** The registry indicators of a simulated fleet, as the ground truth states them. */
class IndicatorTruthTest {

    @Test
    void aFleetsAmsMetersAreItsSmartMetersAndEveryOtherBuildingIsIntegrated(@TempDir Path dir) throws Exception {
        // Given four buildings whose electricity meters are canonical, AMS, Tasmota and SenML
        List<SimBuilding> fleet = new FleetGenerator(17).generate(4, "9100",
                List.of(PayloadFormat.CANONICAL, PayloadFormat.AMS, PayloadFormat.TASMOTA, PayloadFormat.SENML), 0);
        List<Building> registry = fleet.stream().map(SimBuilding::building).toList();

        // When the truth counts them
        IndicatorTruth truth = IndicatorTruth.of("9100", registry);
        truth.write(dir);

        // Then one of four electricity meters is smart (25 %) and buildings 1 and 3 are integrated (50 %)
        assertThat(registry.get(1).meters().get(0).smartMeter()).isTrue();
        assertThat(registry.get(0).meters().get(0).smartMeter()).isFalse();
        assertThat(registry).extracting(Building::integratedBuildingManagement)
                .containsExactly(true, false, true, false);
        assertThat(truth.electricityMeters()).isEqualTo(4);
        assertThat(truth.smartMeterPercent()).isEqualTo(25.0);
        assertThat(truth.integratedBuildingPercent()).isEqualTo(50.0);
        assertThat(IndicatorTruth.read(dir)).isEqualTo(truth);
    }
}
