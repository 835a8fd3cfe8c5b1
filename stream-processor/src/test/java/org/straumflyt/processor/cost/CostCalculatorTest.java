package org.straumflyt.processor.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.straumflyt.processor.cost.WorkedInvoice.ore;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.DayAheadPrice;
import org.straumflyt.model.Resolution;

class CostCalculatorTest {
    private static final Tariffs TARIFFS = Tariffs.read(Path.of("../docs/examples/tariffs.json"));
    private static final TariffVersion SMALL = TARIFFS.versionAt("naering-liten", LocalDate.of(2026, 2, 1)).version();
    private static final TariffVersion LARGE = TARIFFS.versionAt("naering-stor", LocalDate.of(2026, 2, 1)).version();

    @Test
    void theWorkedInvoiceOfDocsCostMdToTheOre() {
        List<DayAheadPrice> prices = WorkedInvoice.prices();
        CostParts month = CostParts.NONE;
        List<CostCalculator.BucketEnergy> energies = new ArrayList<>();
        int i = 0;
        for (WorkedInvoice.Hour hour : WorkedInvoice.hours()) {
            List<DayAheadPrice> quarters = prices.subList(4 * i, 4 * i + 4);
            month = month.plus(CostCalculator.bucket(SMALL, WorkedInvoice.OSLO, Resolution.HOURLY, hour.start(),
                    hour.importKwh(), hour.exportKwh(), quarters));
            energies.add(new CostCalculator.BucketEnergy(hour.start(), hour.importKwh()));
            i++;
        }
        CostCalculator.Capacity capacity = CostCalculator.capacity(SMALL, WorkedInvoice.OSLO, Resolution.HOURLY,
                WorkedInvoice.MONTH.atDay(1), energies);
        month = month.withMonthly(capacity.nok(), CostCalculator.fixed(SMALL));
        double vat = CostCalculator.vat(SMALL, month.totalNok());

        assertThat(i).isEqualTo(28 * 24);
        assertThat(month.importKwh()).isCloseTo(WorkedInvoice.IMPORT_KWH, within(1e-9));
        assertThat(month.exportKwh()).isCloseTo(WorkedInvoice.EXPORT_KWH, within(1e-9));
        assertThat(ore(month.spotNok())).isEqualTo(WorkedInvoice.SPOT);
        assertThat(ore(month.supplierNok())).isEqualTo(WorkedInvoice.SUPPLIER);
        assertThat(ore(month.gridEnergyNok())).isEqualTo(WorkedInvoice.GRID_ENERGY);
        assertThat(capacity.kw()).isCloseTo(WorkedInvoice.CAPACITY_KW, within(1e-9));
        assertThat(ore(month.capacityNok())).isEqualTo(WorkedInvoice.CAPACITY);
        assertThat(ore(month.fixedNok())).isEqualTo(WorkedInvoice.FIXED);
        assertThat(ore(month.taxesNok())).isEqualTo(WorkedInvoice.TAXES);
        assertThat(ore(month.totalNok())).isEqualTo(WorkedInvoice.TOTAL);
        assertThat(ore(vat)).isEqualTo(WorkedInvoice.VAT);
        assertThat(ore(month.totalNok() + vat)).isEqualTo(WorkedInvoice.TOTAL_WITH_VAT);
        assertThat(ore(month.exportValueNok())).isEqualTo(WorkedInvoice.EXPORT_VALUE);
        assertThat(month.pricesComplete()).isTrue();
    }

    @Test
    void anHourlyPriceOnAQuarterBucketAndAMissingQuarterOnAnHour() {
        Instant start = Instant.parse("2025-09-29T22:00:00Z");
        DayAheadPrice hourly = price(start, 3600, 0.80);
        CostParts quarter = CostCalculator.bucket(SMALL, WorkedInvoice.OSLO,
                Resolution.of(java.time.Duration.ofMinutes(15)), start.plusSeconds(900), 2, 0, List.of(hourly));
        // 2 kWh × 0.80
        assertThat(quarter.spotNok()).isCloseTo(1.6, within(1e-12));
        assertThat(quarter.pricesComplete()).isTrue();

        CostParts hour = CostCalculator.bucket(SMALL, WorkedInvoice.OSLO, Resolution.HOURLY, start, 8, 0,
                List.of(price(start, 900, 1.0), price(start.plusSeconds(900), 900, 2.0),
                        price(start.plusSeconds(1800), 900, 3.0)));
        // the priced three quarters: 8 kWh × (1 + 2 + 3) / 4
        assertThat(hour.spotNok()).isCloseTo(12.0, within(1e-12));
        assertThat(hour.pricesComplete()).isFalse();
    }

    @Test
    void aLargeCustomerPaysPerKwOfTheMonthsHighestHourAtTheWinterRate() {
        Instant start = Instant.parse("2026-02-10T08:00:00Z");
        List<CostCalculator.BucketEnergy> hours = List.of(new CostCalculator.BucketEnergy(start, 180),
                new CostCalculator.BucketEnergy(start.plusSeconds(3600), 240),
                new CostCalculator.BucketEnergy(start.plusSeconds(86_400), 200));

        CostCalculator.Capacity capacity = CostCalculator.capacity(LARGE, WorkedInvoice.OSLO, Resolution.HOURLY,
                LocalDate.of(2026, 2, 1), hours);

        // 240 kW × 120 NOK/kW
        assertThat(capacity.kw()).isEqualTo(240.0);
        assertThat(capacity.nok()).isCloseTo(28_800.0, within(1e-9));
    }

    @Test
    void quarterBucketsAreSummedIntoHourWindowsForTheCapacityPeak() {
        Instant start = Instant.parse("2026-02-10T08:00:00Z");
        List<CostCalculator.BucketEnergy> quarters = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            quarters.add(new CostCalculator.BucketEnergy(start.plusSeconds(900L * q), 10 + q));
        }

        CostCalculator.Capacity capacity = CostCalculator.capacity(LARGE, WorkedInvoice.OSLO,
                Resolution.of(java.time.Duration.ofMinutes(15)), LocalDate.of(2026, 2, 1), quarters);

        // one hour window of 10 + 11 + 12 + 13 kWh = 46 kW
        assertThat(capacity.kw()).isEqualTo(46.0);
    }

    @Test
    void ratesThatIncludeVatAreTakenWithoutIt() {
        TariffVersion gross = new TariffVersion(SMALL.validFrom(), null, 0.25, true, SMALL.supplier(),
                SMALL.gridEnergy(), SMALL.capacity(), 300, SMALL.fees());

        assertThat(CostCalculator.fixed(gross)).isCloseTo((50 + 300) / 1.25, within(1e-9));
    }

    private static DayAheadPrice price(Instant start, long seconds, double nok) {
        return new DayAheadPrice(BiddingZone.NO1, start, start.plusSeconds(seconds), nok, nok, "NOK", "kWh", 1, null);
    }
}
