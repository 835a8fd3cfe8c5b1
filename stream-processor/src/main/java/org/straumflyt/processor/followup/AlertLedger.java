package org.straumflyt.processor.followup;

import java.time.Instant;
import org.apache.kafka.streams.state.KeyValueStore;
import org.straumflyt.model.Alert;
import org.straumflyt.model.AlertEvent;
import org.straumflyt.model.AlertKey;
import org.straumflyt.model.AlertState;

/**
 * Turns conditions into alert revisions against the last alert emitted per key: a condition without an ongoing alert
 * opens one (revision + 1, a new {@code since}); an ongoing alert whose figures changed is updated with its
 * {@code since} and state kept; an ongoing alert whose condition no longer holds is closed. Nothing else is emitted,
 * so one ongoing condition is one alert, however often it is judged.
 */
final class AlertLedger {
    private final KeyValueStore<AlertKey, Alert> emitted;

    AlertLedger(KeyValueStore<AlertKey, Alert> emitted) {
        this.emitted = emitted;
    }

    /**
     * The alert to emit for {@code key} given the condition that holds now ({@code null}: none), or {@code null}
     * when nothing changed.
     */
    Alert apply(AlertKey key, Condition condition, FollowUpBuilding building, Instant now) {
        Alert before = emitted.get(key);
        Alert next;
        if (condition == null) {
            if (before == null || !before.ongoing()) {
                return null;
            }
            next = before.with(AlertState.CLOSED, AlertEvent.CLOSED, now, before.revision() + 1);
        } else if (before == null || !before.ongoing()) {
            next = alert(key, condition, building, AlertState.OPEN, AlertEvent.OPENED, condition.since(),
                    before == null ? 1 : before.revision() + 1);
        } else {
            Alert updated = alert(key, condition, building, before.state(), AlertEvent.UPDATED, before.since(),
                    before.revision() + 1);
            if (updated.with(AlertState.OPEN, AlertEvent.UPDATED, null, 0)
                    .equals(before.with(AlertState.OPEN, AlertEvent.UPDATED, null, 0))) {
                return null;
            }
            next = updated;
        }
        emitted.put(key, next);
        return next;
    }

    private static Alert alert(AlertKey key, Condition c, FollowUpBuilding building, AlertState state, AlertEvent event,
            Instant since, long revision) {
        return new Alert(key.buildingId(), building.municipalityOf(),
                building.categoryOf(), key.kind(), key.meterId(), state, event, since, null,
                c.days(), c.measured(), c.reference(), c.unit(), c.excessKwh(), c.excessPercent(), null, c.cause(),
                c.summary(), revision);
    }
}
