package org.straumflyt.tools.prices;

import java.util.Locale;

/** The price file formats {@code price-import} reads. */
public enum PriceFormat {
    /** The ENTSO-E transparency platform's day-ahead prices (Publication_MarketDocument, A44). */
    ENTSOE_XML,
    /** The simple CSV {@value SimplePriceCsv#HEADER}. */
    CSV;

    /** The format a file name suggests: {@code .xml} is ENTSO-E XML, anything else the simple CSV. */
    static PriceFormat guess(String file) {
        return file.toLowerCase(Locale.ROOT).endsWith(".xml") ? ENTSOE_XML : CSV;
    }
}
