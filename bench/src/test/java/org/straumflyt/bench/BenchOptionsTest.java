package org.straumflyt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's command line: defaults, latency settings by name or as three intervals, and clear errors. */
class BenchOptionsTest {

    @Test
    void defaultsAreASustainedLoadWarmedUpUntilTheJitSettles() {
        BenchOptions options = BenchOptions.parse(new String[0]);
        assertEquals(48, options.hours());
        assertEquals(40, options.warmUpBuildings());
        assertEquals(20, options.warmUpRounds());
        assertEquals(List.of("default", "low-latency"), options.settings().stream().map(LatencySettings::name).toList());
        assertEquals(List.of(1), options.processors());
    }

    @Test
    void processorInstanceCountsAreAListWithinThePartitions() {
        assertEquals(List.of(1, 2, 3), BenchOptions.parse(new String[] {"--processors", "1,2,3"}).processors());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--partitions", "2", "--processors", "1,3"}));
        assertTrue(tooMany.getMessage().contains("between 1 and the partitions (2)"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--processors", "0"}));
    }

    @Test
    void settingsGivenAsThreeIntervalsSetTheCommitEmitAndLinger() {
        BenchOptions options = BenchOptions.parse(new String[] {"--settings", "default,ms:250/500/100"});
        LatencySettings custom = options.settings().get(1);
        assertEquals("ms-250-500-100", custom.name());
        assertEquals(250, custom.commitIntervalMs());
        assertEquals(500, custom.emitIntervalMs());
        assertEquals(100, custom.batchLingerMs());
        assertEquals("250", custom.processorEnvironment().get("STRAUMFLYT_COMMIT_INTERVAL_MS"));
        assertEquals("500", custom.processorEnvironment().get("STRAUMFLYT_METER_EMIT_INTERVAL_MS"));
        assertEquals("100", custom.publisherEnvironment().get("STRAUMFLYT_BATCH_LINGER_MS"));
    }

    @Test
    void malformedIntervalsAndUnknownNamesAreRejectedWithWhatIsExpected() {
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> LatencySettings.parse("ms:250/500"));
        assertTrue(shape.getMessage().contains("ms:<commit>/<emit>/<linger>"), shape.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> LatencySettings.parse("ms:250/fast/100"));
        assertTrue(number.getMessage().contains("whole milliseconds"), number.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> LatencySettings.parse("fastest"));
        assertTrue(name.getMessage().contains("known: default, low-latency"), name.getMessage());
    }

    @Test
    void unknownOptionsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--warmup-rounds", "3"}));
        assertEquals("unknown option --warmup-rounds", e.getMessage());
    }
}
