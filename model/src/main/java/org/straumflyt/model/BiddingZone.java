package org.straumflyt.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A Norwegian bidding zone of the day-ahead market (SDAC), written on the wire by its short name ({@code NO1}).
 * Each has the EIC area code the ENTSO-E transparency platform names it by.
 */
public enum BiddingZone {
    /** Eastern Norway (Oslo, Bærum). */
    NO1("10YNO-1--------2"),
    /** Southern Norway (Kristiansand, Stavanger). */
    NO2("10YNO-2--------T"),
    /** Central Norway (Trondheim, Ålesund). */
    NO3("10YNO-3--------J"),
    /** Northern Norway (Bodø, Tromsø). */
    NO4("10YNO-4--------9"),
    /** Western Norway (Bergen). */
    NO5("10Y1001A1001A48H");

    private final String eic;

    BiddingZone(String eic) {
        this.eic = eic;
    }

    /** The EIC code of the zone, as ENTSO-E documents name it in {@code in_Domain.mRID}. */
    public String eic() {
        return eic;
    }

    /** The zone with the given EIC code, if it is a Norwegian one. */
    public static Optional<BiddingZone> ofEic(String code) {
        for (BiddingZone zone : values()) {
            if (zone.eic.equals(code)) {
                return Optional.of(zone);
            }
        }
        return Optional.empty();
    }

    /** The zone named {@code NO1}..{@code NO5} (case-insensitive, {@code NO 1} and {@code NO-1} too), if any. */
    public static Optional<BiddingZone> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "").replace("_", "");
        for (BiddingZone zone : values()) {
            if (zone.name().equals(name)) {
                return Optional.of(zone);
            }
        }
        return Optional.empty();
    }
}
