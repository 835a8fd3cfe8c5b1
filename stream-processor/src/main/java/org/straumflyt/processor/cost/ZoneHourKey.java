package org.straumflyt.processor.cost;

import java.time.Instant;
import org.straumflyt.model.BiddingZone;

/** The prices of one bidding zone in one UTC hour (internal key of the cost stage). */
public record ZoneHourKey(BiddingZone zone, Instant hourStart) {
}
