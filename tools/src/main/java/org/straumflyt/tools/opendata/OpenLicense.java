package org.straumflyt.tools.opendata;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The licences an export can be published under; {@code dct:license} of each distribution. */
public enum OpenLicense {
    /** Norsk lisens for offentlige data 2.0, the Norwegian public sector's default for open data. */
    NLOD_2_0("nlod-2.0", "http://data.norge.no/nlod/no/2.0", "Norsk lisens for offentlige data (NLOD) 2.0"),
    /** Creative Commons Attribution 4.0 International. */
    CC_BY_4_0("cc-by-4.0", "http://creativecommons.org/licenses/by/4.0/", "Creative Commons Navngivelse 4.0 Internasjonal");

    private final String option;
    private final String uri;
    private final String label;

    OpenLicense(String option, String uri, String label) {
        this.option = option;
        this.uri = uri;
        this.label = label;
    }

    /** The name on the command line, e.g. {@code nlod-2.0}. */
    public String option() {
        return option;
    }

    public String uri() {
        return uri;
    }

    public String label() {
        return label;
    }

    /**
     * Parses a command-line name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static OpenLicense parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.option.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown licence '" + text + "'; allowed: "
                        + Arrays.stream(values()).map(OpenLicense::option).collect(Collectors.joining(", "))));
    }
}
