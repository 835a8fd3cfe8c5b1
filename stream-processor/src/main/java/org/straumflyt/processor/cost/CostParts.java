package org.straumflyt.processor.cost;

/**
 * The parts of a cost, NOK excluding VAT, with the energy they are for.
 *
 * @param importKwh      electricity used
 * @param exportKwh      electricity delivered
 * @param spotNok        import at the day-ahead price
 * @param supplierNok    the supplier's mark-up
 * @param gridEnergyNok  the grid's energy component
 * @param capacityNok    the grid's capacity component
 * @param fixedNok       the fixed fees
 * @param taxesNok       per-kWh taxes and fees
 * @param exportValueNok export at the day-ahead price
 * @param pricesComplete whether every market time unit had a price
 */
public record CostParts(double importKwh, double exportKwh, double spotNok, double supplierNok, double gridEnergyNok,
        double capacityNok, double fixedNok, double taxesNok, double exportValueNok, boolean pricesComplete) {

    public static final CostParts NONE = new CostParts(0, 0, 0, 0, 0, 0, 0, 0, 0, true);

    public CostParts plus(CostParts o) {
        return new CostParts(importKwh + o.importKwh, exportKwh + o.exportKwh, spotNok + o.spotNok,
                supplierNok + o.supplierNok, gridEnergyNok + o.gridEnergyNok, capacityNok + o.capacityNok,
                fixedNok + o.fixedNok, taxesNok + o.taxesNok, exportValueNok + o.exportValueNok,
                pricesComplete && o.pricesComplete);
    }

    /** The same parts with the month's capacity and fixed fees. */
    public CostParts withMonthly(double capacity, double fixed) {
        return new CostParts(importKwh, exportKwh, spotNok, supplierNok, gridEnergyNok, capacity, fixed, taxesNok,
                exportValueNok, pricesComplete);
    }

    /** The sum of the six parts, excluding VAT (the export credit is not in it). */
    public double totalNok() {
        return spotNok + supplierNok + gridEnergyNok + capacityNok + fixedNok + taxesNok;
    }
}
