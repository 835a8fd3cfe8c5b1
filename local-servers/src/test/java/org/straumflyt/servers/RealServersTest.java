package org.straumflyt.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@RealServers
class RealServersTest {

    private static final List<MosquittoBroker> PRIVATE_BROKERS = new ArrayList<>();
    private static MosquittoBroker fromBeforeAll;

    @BeforeAll
    static void injectsSharedServerIntoBeforeAll(MosquittoBroker mqtt) {
        fromBeforeAll = mqtt;
    }

    @AfterAll
    static void privateServersAreClosedAfterTheirTest() {
        assertThat(PRIVATE_BROKERS).isNotEmpty().noneMatch(MosquittoBroker::isRunning);
        assertThat(TestServers.mosquitto().isRunning()).isTrue();
    }

    @Test
    void sharedParameterIsTheSameInstanceEverywhere(MosquittoBroker mqtt) {
        assertThat(mqtt).isSameAs(fromBeforeAll).isSameAs(TestServers.mosquitto());
        assertThat(mqtt.isRunning()).isTrue();
    }

    @Test
    void privateParameterIsANewServer(@PrivateServer MosquittoBroker mqtt, MosquittoBroker shared) {
        PRIVATE_BROKERS.add(mqtt);
        assertThat(mqtt).isNotSameAs(shared);
        assertThat(mqtt.port()).isNotEqualTo(shared.port());
        assertThat(mqtt.isRunning()).isTrue();
    }

    @Test
    void freePortsAreDistinctAndBindable() {
        int first = Ports.freePort();
        int second = Ports.freePort();
        assertThat(first).isNotEqualTo(second).isPositive();
        assertThat(Ports.isAccepting(first, Duration.ofMillis(100))).isFalse();
    }
}
