package org.straumflyt.processor.cost;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.DayAheadPrice;

/**
 * The month of docs/COST.md's worked invoice, as data: February 2026 of one NO1 building under the example tariff
 * {@code naering-liten}, and the invoice's lines as computed by hand in the document (the oracle: nothing here
 * calls production code).
 */
final class WorkedInvoice {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final YearMonth MONTH = YearMonth.of(2026, 2);
    static final String BUILDING = "bekkestua-skole";

    // the invoice lines of docs/COST.md, NOK, to the øre
    static final double IMPORT_KWH = 9968;
    static final double EXPORT_KWH = 5;
    static final double SPOT = 11422.40;
    static final double SUPPLIER = 199.36;
    static final double GRID_ENERGY = 3635.20;
    static final double CAPACITY = 1000.00;
    static final double CAPACITY_KW = 46;
    static final double FIXED = 350.00;
    static final double TAXES = 1348.67;
    static final double TOTAL = 17955.63;
    static final double VAT = 4488.91;
    static final double TOTAL_WITH_VAT = 22444.54;
    static final double EXPORT_VALUE = 5.00;

    private WorkedInvoice() {
    }

    /** One local hour of the month with its energy. */
    record Hour(Instant start, double importKwh, double exportKwh) {
    }

    static boolean weekday(LocalDateTime local) {
        return local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    static boolean working(LocalDateTime local) {
        return weekday(local) && local.getHour() >= 8 && local.getHour() < 16;
    }

    /** 10 kWh an hour; 30 in weekday working hours 08–16; 50, 46, 42 at 09:00 on the 10th–12th; 5 kWh export. */
    static List<Hour> hours() {
        List<Hour> hours = new ArrayList<>();
        for (LocalDate day = MONTH.atDay(1); !day.isAfter(MONTH.atEndOfMonth()); day = day.plusDays(1)) {
            for (int h = 0; h < 24; h++) {
                LocalDateTime local = day.atTime(h, 0);
                double kwh = working(local) ? 30 : 10;
                if (h == 9 && day.getDayOfMonth() >= 10 && day.getDayOfMonth() <= 12) {
                    kwh = 50 - 4 * (day.getDayOfMonth() - 10);
                }
                double export = day.getDayOfMonth() == 14 && h == 12 ? 5 : 0;
                hours.add(new Hour(ZonedDateTime.of(local, OSLO).toInstant(), kwh, export));
            }
        }
        return hours;
    }

    /** Quarter-hour NO1 prices: 1.00 NOK/kWh; in weekday working hours 1.20, 1.20, 1.40, 1.40. */
    static List<DayAheadPrice> prices() {
        List<DayAheadPrice> prices = new ArrayList<>();
        for (Hour hour : hours()) {
            LocalDateTime local = LocalDateTime.ofInstant(hour.start(), OSLO);
            for (int q = 0; q < 4; q++) {
                double nok = working(local) ? (q < 2 ? 1.20 : 1.40) : 1.00;
                Instant start = hour.start().plusSeconds(900L * q);
                prices.add(new DayAheadPrice(BiddingZone.NO1, start, start.plusSeconds(900), nok, nok, "NOK", "kWh",
                        1, null));
            }
        }
        return prices;
    }

    /** The invoice amounts rounded to the øre, as an invoice states them. */
    static double ore(double nok) {
        return Math.round(nok * 100) / 100.0;
    }
}
