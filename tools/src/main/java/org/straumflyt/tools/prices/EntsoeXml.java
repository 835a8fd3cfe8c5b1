package org.straumflyt.tools.prices;

import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.DayAheadPrice;

/**
 * Reads the day-ahead prices (document type A44) of the ENTSO-E transparency platform: a
 * {@code Publication_MarketDocument} with one {@code TimeSeries} per zone and span, each naming its zone
 * ({@code in_Domain.mRID}, an EIC code), currency ({@code currency_Unit.name}), unit
 * ({@code price_Measure_Unit.name}, {@code MWH}) and curve type, with {@code Period}s of a {@code timeInterval}, a
 * {@code resolution} and {@code Point}s ({@code position} from 1, {@code price.amount}).
 *
 * <p>Curve type {@code A03} (variable-sized blocks) leaves out a position whose price equals the one before: the
 * missing positions take the last given price. {@code A01} lists every position. A series in the other resolution
 * than the market's on that delivery day (an hour before 2025-10-01, a quarter-hour from then on) is skipped and
 * counted, so a file with both never gives two prices for one time. Line numbers in messages are the file's.
 */
final class EntsoeXml {
    private EntsoeXml() {
    }

    /**
     * Parses the whole document.
     *
     * @throws PriceFileException when it is not XML, not a price document, or ENTSO-E's answer that there is no
     *                            data (an {@code Acknowledgement_MarketDocument})
     */
    static ParsedPrices parse(Reader reader) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        ParsedPrices.Builder result = new ParsedPrices.Builder();
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(reader);
            new Walk(xml, result).document();
            result.lines = xml.getLocation().getLineNumber();
            return result.build();
        } catch (XMLStreamException e) {
            throw new PriceFileException("is not well-formed XML: " + e.getMessage());
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to read
                }
            }
        }
    }

    /** The walk through one document. */
    private static final class Walk {
        private final XMLStreamReader xml;
        private final ParsedPrices.Builder result;

        Walk(XMLStreamReader xml, ParsedPrices.Builder result) {
            this.xml = xml;
            this.result = result;
        }

        void document() throws XMLStreamException {
            xml.nextTag();
            String root = xml.getLocalName();
            if (root.equals("Acknowledgement_MarketDocument")) {
                throw new PriceFileException("is ENTSO-E's acknowledgement, not prices: " + reasonText());
            }
            if (!root.equals("Publication_MarketDocument")) {
                throw new PriceFileException("line " + line() + ": expected a Publication_MarketDocument "
                        + "(ENTSO-E day-ahead prices, document type A44), got <" + root + ">");
            }
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "type" -> {
                            long at = line();
                            String type = xml.getElementText().strip();
                            if (!type.equals("A44")) {
                                throw new PriceFileException("line " + at + ": document type " + type
                                        + " is not A44 (day-ahead prices)");
                            }
                        }
                        case "TimeSeries" -> timeSeries();
                        default -> {
                        }
                    }
                }
            }
        }

        private String reasonText() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("text")) {
                    text.append(xml.getElementText().strip());
                }
            }
            return text.isEmpty() ? "no reason given" : text.toString();
        }

        private void timeSeries() throws XMLStreamException {
            long seriesLine = line();
            Series series = new Series();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("TimeSeries")) {
                    return;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "in_Domain.mRID" -> series.zoneLine = zone(series);
                    case "currency_Unit.name" -> series.currency = xml.getElementText().strip();
                    case "price_Measure_Unit.name" -> series.unit = xml.getElementText().strip();
                    case "curveType" -> series.curveType = xml.getElementText().strip();
                    case "Period" -> period(seriesLine, series);
                    default -> {
                    }
                }
            }
        }

        private long zone(Series series) throws XMLStreamException {
            long at = line();
            String eic = xml.getElementText().strip();
            Optional<BiddingZone> zone = BiddingZone.ofEic(eic);
            series.zone = zone.orElse(null);
            series.eic = eic;
            return at;
        }

        private void period(long seriesLine, Series series) throws XMLStreamException {
            long periodLine = line();
            Instant start = null;
            Instant end = null;
            Duration resolution = null;
            String resolutionText = null;
            TreeMap<Integer, Given> points = new TreeMap<>();
            boolean bad = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("Period")) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                long at = line();
                switch (xml.getLocalName()) {
                    case "start" -> start = instant(at, "start");
                    case "end" -> end = instant(at, "end");
                    case "resolution" -> {
                        resolutionText = xml.getElementText().strip();
                        resolution = PriceResolutions.parse(resolutionText);
                    }
                    case "Point" -> bad |= !point(points);
                    default -> {
                    }
                }
            }
            if (series.zone == null) {
                result.reject(series.zoneLine == 0 ? seriesLine : series.zoneLine, "in_Domain.mRID '" + series.eic
                        + "' is not the EIC code of a Norwegian bidding zone (NO1..NO5); the series is skipped");
                return;
            }
            if (!"MWH".equalsIgnoreCase(series.unit) || series.currency == null) {
                result.reject(seriesLine, "price unit '" + series.unit + "' and currency '" + series.currency
                        + "': expected a currency per MWH; the series is skipped");
                return;
            }
            if (start == null || end == null || !end.isAfter(start)) {
                result.reject(periodLine, "the Period has no valid timeInterval start and end; it is skipped");
                return;
            }
            if (resolution == null) {
                result.reject(periodLine, "resolution '" + resolutionText + "' is not PT60M or PT15M; the Period "
                        + "is skipped");
                return;
            }
            if (bad) {
                return;
            }
            long slots = Duration.between(start, end).toMillis() / resolution.toMillis();
            LocalDate deliveryDay = start.atZone(DayAheadPrice.MARKET_ZONE).toLocalDate();
            if (!DayAheadPrice.marketTimeUnit(deliveryDay).equals(resolution)) {
                result.skipped += slots;
                return;
            }
            if (points.isEmpty() || points.firstKey() != 1) {
                result.reject(periodLine, "the Period has no price at position 1; it is skipped");
                return;
            }
            if (points.lastKey() > slots) {
                result.reject(points.lastEntry().getValue().line(), "position " + points.lastKey()
                        + " is after the Period's end (" + slots + " positions of " + resolutionText + ")");
                return;
            }
            boolean everyPosition = !"A03".equals(series.curveType);
            if (everyPosition && points.size() != slots) {
                result.reject(periodLine, "curve type " + series.curveType + " needs all " + slots
                        + " positions, the Period has " + points.size() + "; it is skipped");
                return;
            }
            Given current = null;
            for (int position = 1; position <= slots; position++) {
                Given given = points.get(position);
                current = given == null ? current : given;
                Instant from = start.plus(resolution.multipliedBy(position - 1L));
                result.points.add(new PricePoint(current.line(), series.zone, from, from.plus(resolution),
                        current.price(), series.currency, "MWh"));
            }
        }

        /** Reads one Point into {@code points}; false when it was rejected. */
        private boolean point(TreeMap<Integer, Given> points) throws XMLStreamException {
            long at = line();
            String position = null;
            String amount = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("Point")) {
                    break;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "position" -> position = xml.getElementText().strip();
                        case "price.amount" -> amount = xml.getElementText().strip();
                        default -> {
                        }
                    }
                }
            }
            int pos;
            double price;
            try {
                pos = Integer.parseInt(position);
            } catch (NumberFormatException e) {
                result.reject(at, "position '" + position + "' is not a whole number; the Period is skipped");
                return false;
            }
            try {
                price = Double.parseDouble(amount);
            } catch (NumberFormatException | NullPointerException e) {
                result.reject(at, "price.amount '" + amount + "' is not a number; the Period is skipped");
                return false;
            }
            if (pos < 1 || points.putIfAbsent(pos, new Given(at, price)) != null) {
                result.reject(at, "position " + pos + " is below 1 or repeated; the Period is skipped");
                return false;
            }
            return true;
        }

        private Instant instant(long at, String name) throws XMLStreamException {
            String text = xml.getElementText().strip();
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                result.reject(at, name + " '" + text + "' is not a UTC time such as 2026-01-14T23:00Z");
                return null;
            }
        }

        private long line() {
            return xml.getLocation().getLineNumber();
        }
    }

    /** What a TimeSeries says about its Periods. */
    private static final class Series {
        BiddingZone zone;
        String eic;
        long zoneLine;
        String currency;
        String unit;
        String curveType;
    }

    private record Given(long line, double price) {
    }
}
