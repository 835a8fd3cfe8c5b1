package org.straumflyt.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.simulator.fleet.FleetGenerator;
import org.straumflyt.simulator.fleet.PayloadFormat;
import org.straumflyt.simulator.fleet.SimBuilding;
import org.straumflyt.simulator.fleet.SimMeter;

class FleetGeneratorTest {
    private static final List<PayloadFormat> FORMATS = List.of(PayloadFormat.values());

    @Test
    void intervalMetersReplaceOnlySomeCanonicalElectricityMetersAndLeaveTheRestOfTheFleetAsItWas() {
        List<SimBuilding> plain = new FleetGenerator(11).generate(40, "4601", FORMATS, 0.2);
        List<SimBuilding> mixed = new FleetGenerator(11).generate(40, "4601", FORMATS, 0.2, 0.5);

        assertThat(new FleetGenerator(11).generate(40, "4601", FORMATS, 0.2, 0)).isEqualTo(plain);
        int interval = 0;
        for (int b = 0; b < plain.size(); b++) {
            assertThat(mixed.get(b).building()).isEqualTo(plain.get(b).building());
            for (int m = 0; m < plain.get(b).meters().size(); m++) {
                SimMeter before = plain.get(b).meters().get(m);
                SimMeter after = mixed.get(b).meters().get(m);
                if (after.interval()) {
                    interval++;
                    assertThat(before.format()).isEqualTo(PayloadFormat.CANONICAL);
                    assertThat(after.meterId()).startsWith("el-");
                    assertThat(after).isEqualTo(before.asInterval());
                } else {
                    assertThat(after).isEqualTo(before);
                }
            }
        }
        // 8 of the 40 buildings have a canonical electricity meter; about half of them send intervals
        assertThat(interval).isBetween(1, 7);
    }
}
