package org.straumflyt.ingest.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightMessagesTest {
    private final InFlightMessages inFlight = new InFlightMessages();

    private static List<Integer> ids(InFlightMessages.Progress progress) {
        return progress.acknowledgeable().stream().map(m -> m.mqttId).toList();
    }

    @Test
    void acknowledgementsGoOutInArrivalOrderEvenWhenKafkaConfirmsOutOfOrder() {
        // Given three messages in flight
        var first = inFlight.add(1, 1, 0, 1, inFlight.generation());
        var second = inFlight.add(2, 1, 0, 1, inFlight.generation());
        var third = inFlight.add(3, 1, 0, 1, inFlight.generation());

        // When Kafka confirms the third and second before the first
        // Then nothing is acknowledged until the first is confirmed, and then all three in order
        assertThat(ids(inFlight.recordConfirmed(third))).isEmpty();
        assertThat(ids(inFlight.recordConfirmed(second))).isEmpty();
        assertThat(ids(inFlight.recordConfirmed(first))).containsExactly(1, 2, 3);
        assertThat(inFlight.size()).isZero();
    }

    @Test
    void messageIsConfirmedOnlyWhenAllItsRecordsAre() {
        var message = inFlight.add(7, 1, 0, 3, inFlight.generation());

        assertThat(inFlight.recordConfirmed(message).messageConfirmed()).isFalse();
        assertThat(inFlight.recordConfirmed(message).messageConfirmed()).isFalse();
        InFlightMessages.Progress last = inFlight.recordConfirmed(message);
        assertThat(last.messageConfirmed()).isTrue();
        assertThat(ids(last)).containsExactly(7);
    }

    @Test
    void connectionLossReleasesWhatIsInFlightAndItIsNeverAcknowledged() {
        var early = inFlight.add(1, 1, 0, 1, inFlight.generation());
        long before = inFlight.generation();

        // When the connection is lost before Kafka confirms
        assertThat(inFlight.releaseAll()).isEqualTo(1);

        // Then the late confirmation acknowledges nothing, and a message of the old connection is not tracked
        assertThat(inFlight.wanted(early)).isFalse();
        InFlightMessages.Progress late = inFlight.recordConfirmed(early);
        assertThat(late.messageConfirmed()).isFalse();
        assertThat(late.acknowledgeable()).isEmpty();
        assertThat(inFlight.add(2, 1, 0, 1, before)).isNull();
        assertThat(inFlight.add(2, 1, 0, 1, inFlight.generation())).isNotNull();
    }

    @Test
    void aMessageWithNothingToConfirmWaitsForTheMessagesBeforeIt() {
        // Given a message waiting for Kafka, then one with nothing to meter
        var first = inFlight.add(1, 1, 0, 1, inFlight.generation());
        var skipped = inFlight.add(2, 1, 0, 0, inFlight.generation());

        // When the second is done at once, it is confirmed but not acknowledged before the first
        InFlightMessages.Progress done = inFlight.nothingToConfirm(skipped);
        assertThat(done.messageConfirmed()).isTrue();
        assertThat(ids(done)).isEmpty();

        // Then Kafka's confirmation of the first acknowledges both, in order
        assertThat(ids(inFlight.recordConfirmed(first))).containsExactly(1, 2);
    }
}
