package org.straumflyt.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaConnectionWatchTest {
    private static final String SETTING = "STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS";
    private final SteppedClock clock = new SteppedClock();

    @Test
    void reportsAnUnreachableServerOnceAfterTenSecondsThenOnceAMinute() throws Exception {
        String closed = "127.0.0.1:" + closedPort();
        KafkaConnectionWatch watch = new KafkaConnectionWatch(List.of(closed), SETTING, clock);

        assertThat(watch.probe()).as("at once").isFalse();
        assertThat(watch.status().up()).isFalse();
        clock.step(Duration.ofSeconds(9));
        assertThat(watch.probe()).as("after 9 s").isFalse();
        clock.step(Duration.ofSeconds(1));
        assertThat(watch.probe()).as("after 10 s").isTrue();
        assertThat(watch.status()).isEqualTo(Health.Status.down("Kafka at " + closed + " unreachable for 10 s ("
                + closed + ": ConnectException Connection refused); check " + SETTING));
        clock.step(Duration.ofSeconds(59));
        assertThat(watch.probe()).as("59 s after the report").isFalse();
        clock.step(Duration.ofSeconds(1));
        assertThat(watch.probe()).as("a minute after the report").isTrue();
        assertThat(watch.status().reason()).contains("unreachable for 70 s");
    }

    @Test
    void isUpWhileAnyServerAcceptsConnections() throws Exception {
        try (ServerSocket broker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String closed = "127.0.0.1:" + closedPort();
            String open = "127.0.0.1:" + broker.getLocalPort();
            KafkaConnectionWatch watch = new KafkaConnectionWatch(List.of(closed, open), SETTING, clock);

            assertThat(watch.probe()).isFalse();
            assertThat(watch.status()).isEqualTo(Health.Status.up("Kafka at " + closed + "," + open
                    + " accepts connections"));
        }
    }

    @Test
    void namesAHostThatDoesNotResolve() {
        KafkaConnectionWatch watch = new KafkaConnectionWatch(List.of("kafka.invalid:9092"), SETTING, clock);

        watch.probe();

        assertThat(watch.status().reason()).contains("kafka.invalid:9092: UnknownHostException");
    }

    /** A port nothing listens on (taken and released again). */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void step(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
