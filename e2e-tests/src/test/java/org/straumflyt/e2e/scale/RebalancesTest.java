package org.straumflyt.e2e.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebalancesTest {
    private static final String APP = "e2e-scale-processor";

    @Test
    void aLogLineOfKafkaStreamsIsATransitionOfItsClient() {
        Rebalances.Transition t = Rebalances.parse("processor-1", "1765141234567 INFO  [main] o.a.k.s.KafkaStreams - "
                + "stream-client [" + APP + "-0f1e2d3c-aaaa-bbbb-cccc-123456789abc] State transition from "
                + "RUNNING to REBALANCING");

        assertThat(t).isEqualTo(new Rebalances.Transition("processor-1",
                APP + "-0f1e2d3c-aaaa-bbbb-cccc-123456789abc", 1765141234567L, "RUNNING", "REBALANCING"));
        assertThat(Rebalances.parse("processor-1", "1765141234567 INFO  [main] something else")).isNull();
    }

    @Test
    void overlappingIntervalsOfTheInstancesAreOneRebalanceOfTheGroup() {
        List<Rebalances.Transition> transitions = List.of(
                t("p1", 1_000, "RUNNING", "REBALANCING"),
                t("p2", 1_500, "RUNNING", "REBALANCING"),
                t("p1", 3_000, "REBALANCING", "RUNNING"),
                t("p2", 4_000, "REBALANCING", "RUNNING"),
                // a second rebalance, of p1 alone
                t("p1", 10_000, "RUNNING", "REBALANCING"),
                t("p1", 10_700, "REBALANCING", "RUNNING"),
                // killed while rebalancing: no end, no duration
                t("p3", 20_000, "RUNNING", "REBALANCING"));

        assertThat(Rebalances.windows(transitions, 0)).containsExactly(
                new Rebalances.Window(1_000, 4_000, List.of("p1", "p2")),
                new Rebalances.Window(10_000, 10_700, List.of("p1")));
        assertThat(Rebalances.windows(transitions, 5_000)).containsExactly(
                new Rebalances.Window(10_000, 10_700, List.of("p1")));
    }

    @Test
    void aStartIsNotARebalanceButItsFirstAssignmentIs() {
        // CREATED -> REBALANCING -> RUNNING at start: the first assignment counts; a shutdown ends nothing
        List<Rebalances.Transition> transitions = List.of(
                t("p1", 0, "CREATED", "REBALANCING"),
                t("p1", 800, "REBALANCING", "RUNNING"),
                t("p1", 5_000, "RUNNING", "PENDING_SHUTDOWN"));

        assertThat(Rebalances.windows(transitions, 0)).containsExactly(
                new Rebalances.Window(0, 800, List.of("p1")));
    }

    @Test
    void eachInstancesIntervalsAreListedTheOpenOnesAndJoinsSaid() {
        List<Rebalances.Transition> transitions = List.of(
                t("p1", 0, "CREATED", "REBALANCING"),
                t("p1", 800, "REBALANCING", "RUNNING"),
                t("p1", 1_000, "RUNNING", "REBALANCING"),
                t("p2", 1_200, "CREATED", "REBALANCING"),
                t("p1", 3_000, "REBALANCING", "RUNNING"),
                // killed while rebalancing
                t("p3", 2_000, "RUNNING", "REBALANCING"));

        assertThat(Rebalances.intervals(transitions, 500)).containsExactly(
                new Rebalances.Interval("p1", 1_000, 3_000, false),
                new Rebalances.Interval("p2", 1_200, -1, true),
                new Rebalances.Interval("p3", 2_000, -1, false));
    }

    @Test
    void aLogThatIsNotUtf8IsReadAll(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("p1.log");
        byte[] garbage = {(byte) 0xC3, (byte) 0x28, '\n'};
        Files.write(log, garbage);
        Files.writeString(log, "1765141234567 INFO  [main] o.a.k.s.KafkaStreams - stream-client [" + APP
                + "-0f1e] State transition from RUNNING to REBALANCING\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        assertThat(Rebalances.read(Map.of("p1", log), APP)).containsExactly(
                new Rebalances.Transition("p1", APP + "-0f1e", 1765141234567L, "RUNNING", "REBALANCING"));
    }

    @Test
    void theLongestGapCountsFromTheWindowsStartToItsEnd() {
        assertThat(KpiFlow.longestGap(List.of(100L, 200L, 900L, 1_000L), 0, 1_100)).containsExactly(200, 900);
        assertThat(KpiFlow.longestGap(List.of(100L, 200L), 0, 1_000)).containsExactly(200, 1_000);
        assertThat(KpiFlow.longestGap(List.of(), 0, 1_000)).containsExactly(0, 1_000);
        assertThat(KpiFlow.longestGap(List.of(5L, 700L, 800L), 100, 900)).containsExactly(100, 700);
    }

    private static Rebalances.Transition t(String instance, long millis, String from, String to) {
        return new Rebalances.Transition(instance, APP + "-" + instance, millis, from, to);
    }
}
