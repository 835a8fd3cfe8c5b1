package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * A finding of energy follow-up: what, where, since when, how much and a likely cause. Topic {@code alerts}
 * (compacted), key = {@link AlertKey}. Each change is a new revision of the same key; {@code event} says what the
 * revision changed, so a notifier tells people of {@code opened} and {@code closed} only. docs/FOLLOW-UP.md defines
 * each kind.
 *
 * @param buildingId   building id
 * @param municipality municipality number, from the registry
 * @param category     building category, from the registry
 * @param kind         what the finding is about
 * @param meterId      the meter, for findings about one meter
 * @param state        open, acknowledged or closed
 * @param event        what this revision changed
 * @param since        when the condition began (for daily findings: the start of its first local day)
 * @param until        when it ended, for a closed finding (for daily findings: the start of the first local day
 *                     that no longer showed it)
 * @param days         how many days showed the condition (daily findings)
 * @param measured     the measured figure ({@code unit}): energy of the days, base load, peak, hours silent, coverage
 * @param reference    what was expected of it, in the same unit
 * @param unit         unit of {@code measured} and {@code reference}: {@code kWh}, {@code kW}, {@code h} or
 *                     {@code share}
 * @param excessKwh    energy above the expected, kWh, where it has a meaning
 * @param excessPercent {@code measured} above {@code reference}, %
 * @param costNok      what the excess cost, NOK, once cost is known (absent until then)
 * @param cause        the likely cause class
 * @param summary      one sentence for people
 * @param revision     1 for a new key, + 1 for each change
 */
public record Alert(
        String buildingId,
        String municipality,
        BuildingCategory category,
        AlertKind kind,
        String meterId,
        AlertState state,
        AlertEvent event,
        Instant since,
        Instant until,
        Integer days,
        Double measured,
        Double reference,
        String unit,
        Double excessKwh,
        Double excessPercent,
        Double costNok,
        AlertCause cause,
        String summary,
        long revision) {

    public static final int SCHEMA_VERSION = 1;

    public Alert {
        Objects.requireNonNull(buildingId, "buildingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(since, "since");
    }

    public AlertKey key() {
        return new AlertKey(buildingId, kind, meterId);
    }

    /** Whether the condition still holds (open or acknowledged). */
    public boolean ongoing() {
        return state != AlertState.CLOSED;
    }

    /** The same finding in another state, with another event and revision. */
    public Alert with(AlertState newState, AlertEvent newEvent, Instant newUntil, long newRevision) {
        return new Alert(buildingId, municipality, category, kind, meterId, newState, newEvent, since, newUntil, days,
                measured, reference, unit, excessKwh, excessPercent, costNok, cause, summary, newRevision);
    }

    /** One occurrence of one finding, for receivers that de-duplicate: key, start and event. */
    public String idempotencyKey() {
        return buildingId + "/" + kind + (meterId == null ? "" : "/" + meterId) + "/" + since + "/" + event;
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
