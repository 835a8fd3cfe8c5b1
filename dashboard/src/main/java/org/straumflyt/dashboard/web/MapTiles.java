package org.straumflyt.dashboard.web;

import java.net.URI;

/**
 * The background of the portfolio page's map: a tile server's URL template with {@code {z}}, {@code {x}} and
 * {@code {y}} (the slippy-map scheme OpenStreetMap and most tile servers use), and the attribution its licence asks
 * for. None by default: the page then draws the buildings on a plain background and loads nothing from elsewhere.
 *
 * @param url         e.g. {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}, or empty for none
 * @param attribution e.g. {@code © OpenStreetMap contributors}
 */
public record MapTiles(String url, String attribution) {
    /** No tile server. */
    public static final MapTiles NONE = new MapTiles("", "");

    public MapTiles {
        url = url == null ? "" : url.trim();
        attribution = attribution == null ? "" : attribution.trim();
        if (!url.isEmpty()) {
            for (String part : new String[] {"{z}", "{x}", "{y}"}) {
                if (!url.contains(part)) {
                    throw new IllegalArgumentException("the map tile URL " + url + " lacks " + part
                            + ", e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png");
                }
            }
            URI uri = URI.create(url.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("the map tile URL " + url + " is not an http(s) URL");
            }
        }
    }

    /** Whether a tile server is configured. */
    public boolean enabled() {
        return !url.isEmpty();
    }

    /** The tile server's origin, the one place the page may load images from besides itself; empty without. */
    String origin() {
        if (!enabled()) {
            return "";
        }
        URI uri = URI.create(url.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
