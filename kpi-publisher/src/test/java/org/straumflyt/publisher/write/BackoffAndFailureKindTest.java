package org.straumflyt.publisher.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackoffAndFailureKindTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @Test
    void backoffDoublesUpToItsMaximum() {
        assertThat(backoff.delay(1, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(2, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(5, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delay(60, null)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void longerRetryAfterWinsAndShorterDoesNot() {
        assertThat(backoff.delay(1, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(5, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(8));
        assertThat(InfluxPointStore.retryAfter(Map.of("retry-after", "7"))).isEqualTo(Duration.ofSeconds(7));
        assertThat(InfluxPointStore.retryAfter(Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"))).isNull();
    }

    @Test
    void onlyDataErrorsAreRefusalsEverythingElseIsRetried() {
        assertThat(FailureKind.ofStatus(400)).isEqualTo(FailureKind.REJECTED);
        assertThat(FailureKind.ofStatus(413)).isEqualTo(FailureKind.REJECTED);
        assertThat(FailureKind.ofStatus(422)).isEqualTo(FailureKind.REJECTED);
        assertThat(FailureKind.ofStatus(429)).isEqualTo(FailureKind.THROTTLED);
        assertThat(FailureKind.ofStatus(401)).isEqualTo(FailureKind.UNAUTHORIZED);
        assertThat(FailureKind.ofStatus(404)).isEqualTo(FailureKind.NOT_FOUND);
        // A wrong endpoint (a gateway in the way, a path in the URL) is the store being unavailable, not bad data
        assertThat(FailureKind.ofStatus(405)).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(FailureKind.NOT_FOUND.retryable()).isTrue();
        assertThat(FailureKind.ofStatus(503)).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(FailureKind.REJECTED.retryable()).isFalse();
        assertThat(FailureKind.UNAUTHORIZED.retryable()).isTrue();
    }

    @Test
    void backoffRejectsAMaximumBelowTheStart() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("below initial backoff");
    }
}
