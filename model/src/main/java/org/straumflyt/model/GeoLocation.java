package org.straumflyt.model;

/**
 * WGS 84 coordinates of a building, for the digital twin and maps.
 *
 * @param lat latitude in degrees, -90..90
 * @param lon longitude in degrees, -180..180
 */
public record GeoLocation(double lat, double lon) {
    public GeoLocation {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be within -90..90, was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be within -180..180, was " + lon);
        }
    }
}
