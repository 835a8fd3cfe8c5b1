package org.straumflyt.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.straumflyt.simulator.fleet.FaultPlan;
import org.straumflyt.simulator.fleet.PayloadFormat;

class SimulatorMainTest {
    @Test
    void optionsHaveSaneDefaults() {
        SimulationOptions options = SimulatorMain.publishOptions();

        assertThat(options.buildings()).isEqualTo(10);
        assertThat(options.formats()).containsExactly(PayloadFormat.values());
        assertThat(options.pacing()).isEqualTo(new Pacing.Max());
        assertThat(options.duration()).isEqualTo(Duration.ofHours(6));
        assertThat(options.faults()).isEqualTo(FaultPlan.NONE);
        assertThat(options.start().getEpochSecond() % 3600).isZero();
        assertThat(options.intervalShare()).isZero();
        assertThat(SimulatorMain.publishOptions("--interval-meters", "0.3").intervalShare()).isEqualTo(0.3);
    }

    @Test
    void badOptionsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> SimulatorMain.publishOptions("--buildings", "many"))
                .hasMessageContaining("--buildings").hasMessageContaining("many");
        assertThatThrownBy(() -> SimulatorMain.publishOptions("--formats", "modbus"))
                .hasMessageContaining("modbus").hasMessageContaining("tasmota");
        assertThatThrownBy(() -> SimulatorMain.publishOptions("--start", "2026-11-20T00:30:00Z"))
                .hasMessageContaining("whole UTC hour");
        assertThatThrownBy(() -> SimulatorMain.publishOptions("--faults", "meteors=0.1"))
                .hasMessageContaining("meteors");
        assertThatThrownBy(() -> SimulatorMain.publishOptions("--colour", "blue"))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> FaultPlan.parse("duplicates=2")).hasMessageContaining("0..1");
        assertThatThrownBy(() -> SimulatorMain.publishOptions("--interval-meters", "1.5"))
                .hasMessageContaining("--interval-meters").hasMessageContaining("1.5");
    }

    @Test
    void helpAfterACommandPrintsTheUsageAndSucceeds() throws Exception {
        assertThat(SimulatorMain.run(new String[] {"publish", "--help"})).isZero();
        assertThat(SimulatorMain.run(new String[] {"verify", "--truth", "out/truth", "-h"})).isZero();
    }

    @Test
    void speedIsMaxLiveOrAFactor() {
        assertThat(Pacing.parse("max")).isEqualTo(new Pacing.Max());
        assertThat(Pacing.parse("LIVE")).isEqualTo(new Pacing.Live());
        assertThat(Pacing.parse("60x")).isEqualTo(new Pacing.Accelerated(60));
        assertThatThrownBy(() -> Pacing.parse("0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Pacing.parse("fast")).hasMessageContaining("'fast'");
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void atMaxSpeedNothingWaits() throws Exception {
        // A broker that is not there makes run() fail at connect; pacing is checked on the schedule directly.
        java.lang.reflect.Method pace = Simulation.class.getDeclaredMethod("pace",
                org.straumflyt.simulator.publish.Outgoing.class, long.class);
        pace.setAccessible(true);
        SimulationOptions options = SimulatorMain.publishOptions("--buildings", "1", "--duration", "PT1H");
        Simulation simulation = new Simulation(options, new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
        var first = simulation.schedule().next();

        long started = System.nanoTime();
        pace.invoke(simulation, first, started);

        assertThat(System.nanoTime() - started).isLessThan(java.time.Duration.ofSeconds(1).toNanos());
    }

    @Test
    void aBadCommandLineExitsWithTwo() throws Exception {
        assertThat(SimulatorMain.run(new String[] {"publish", "--buildings"})).isEqualTo(2);
        assertThat(SimulatorMain.run(new String[] {"launch"})).isEqualTo(2);
        assertThat(SimulatorMain.run(new String[] {"--help"})).isZero();
    }
}
