package org.straumflyt.processor.cost;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of a tariff: every rate that applies from {@code validFrom} until the next version's date. Rates are
 * in NOK excluding VAT unless {@code ratesIncludeVat}; the spot price never includes VAT.
 *
 * @param validFrom            first local date it applies on
 * @param description          free text for people, e.g. the grid company and contract
 * @param vatRate              VAT, e.g. 0.25; 0 where none is charged
 * @param ratesIncludeVat      whether the NOK rates below include VAT (then they are divided by 1 + vatRate)
 * @param supplier             the electricity supplier's mark-up and fixed fee
 * @param gridEnergy           the grid's energy component, NOK/kWh by period; must cover every hour of the year
 * @param capacity             the grid's capacity component
 * @param gridFixedNokPerMonth the grid's fixed fee per month
 * @param fees                 per-kWh taxes and fees (consumption tax, Enova fee, …), each by period
 */
public record TariffVersion(LocalDate validFrom, String description, double vatRate, boolean ratesIncludeVat,
        Supplier supplier, List<RateRule> gridEnergy, Capacity capacity, double gridFixedNokPerMonth,
        List<Fee> fees) {

    public TariffVersion {
        gridEnergy = gridEnergy == null ? List.of() : List.copyOf(gridEnergy);
        fees = fees == null ? List.of() : List.copyOf(fees);
    }

    /**
     * The supplier's part.
     *
     * @param markupNokPerKwh  added to the spot price per kWh
     * @param fixedNokPerMonth fixed fee per month
     */
    public record Supplier(double markupNokPerKwh, double fixedNokPerMonth) {
    }

    /**
     * The capacity component: {@code steps} (small customers: the step of the mean of the three highest daily
     * maxima on three different days of the month) or {@code perKw} (large customers: NOK per kW of the month's
     * highest window, by months).
     *
     * @param windowMinutes the window a peak is measured over, minutes (default 60): the energy of the window
     *                      divided by its length
     * @param steps         the steps, from 0 kW up
     * @param perKw         NOK per kW rules (months only)
     */
    public record Capacity(Integer windowMinutes, List<Step> steps, List<RateRule> perKw) {
        public Capacity {
            windowMinutes = windowMinutes == null ? 60 : windowMinutes;
            steps = steps == null ? List.of() : List.copyOf(steps);
            perKw = perKw == null ? List.of() : List.copyOf(perKw);
        }

        /** Whether the capacity is by steps (small customers). */
        public boolean stepped() {
            return !steps.isEmpty();
        }
    }

    /**
     * A capacity step: applies from {@code fromKw} up to the next step's.
     *
     * @param fromKw      lower bound, kW (the first step starts at 0)
     * @param nokPerMonth the step's price per month
     */
    public record Step(double fromKw, double nokPerMonth) {
    }

    /**
     * A named per-kWh fee or tax.
     *
     * @param name  e.g. {@code consumption-tax}, {@code enova}
     * @param rates NOK/kWh by period; must cover every hour of the year
     */
    public record Fee(String name, List<RateRule> rates) {
        public Fee {
            rates = rates == null ? List.of() : List.copyOf(rates);
        }
    }

    /** Every problem of the version, each naming where it is; empty when it is usable. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (validFrom == null) {
            problems.add("validFrom is missing");
        }
        if (!(vatRate >= 0 && vatRate < 1)) {
            problems.add("vatRate must be 0..1 (0.25 for 25 %), was " + vatRate);
        }
        if (supplier == null) {
            problems.add("supplier is missing (markupNokPerKwh, fixedNokPerMonth; 0 when none)");
        } else if (!Double.isFinite(supplier.markupNokPerKwh()) || !(supplier.fixedNokPerMonth() >= 0)) {
            problems.add("supplier: markupNokPerKwh must be finite and fixedNokPerMonth >= 0");
        }
        rules("gridEnergy", gridEnergy, false, problems);
        if (!(gridFixedNokPerMonth >= 0) || Double.isInfinite(gridFixedNokPerMonth)) {
            problems.add("gridFixedNokPerMonth must be >= 0, was " + gridFixedNokPerMonth);
        }
        if (capacity == null) {
            problems.add("capacity is missing (steps or perKw)");
        } else {
            if (capacity.stepped() == !capacity.perKw().isEmpty()) {
                problems.add("capacity needs either steps or perKw, not both or neither");
            }
            if (capacity.windowMinutes() < 1 || 60 % capacity.windowMinutes() != 0) {
                problems.add("capacity.windowMinutes must divide an hour (60, 30, 15, …), was "
                        + capacity.windowMinutes());
            }
            double last = -1;
            for (int i = 0; i < capacity.steps().size(); i++) {
                Step step = capacity.steps().get(i);
                if (i == 0 && step.fromKw() != 0) {
                    problems.add("capacity.steps[0].fromKw must be 0, was " + step.fromKw());
                }
                if (!(step.fromKw() > last) || !(step.nokPerMonth() >= 0) || Double.isInfinite(step.nokPerMonth())) {
                    problems.add("capacity.steps[" + i + "] must have a fromKw above the step before and a "
                            + "nokPerMonth >= 0");
                }
                last = step.fromKw();
            }
            if (!capacity.perKw().isEmpty()) {
                rules("capacity.perKw", capacity.perKw(), true, problems);
            }
        }
        for (int i = 0; i < fees.size(); i++) {
            Fee fee = fees.get(i);
            if (fee.name() == null || fee.name().isBlank()) {
                problems.add("fees[" + i + "] has no name");
            }
            rules("fees[" + i + "] (" + fee.name() + ").rates", fee.rates(), false, problems);
        }
        return problems;
    }

    private static void rules(String where, List<RateRule> rules, boolean perKw, List<String> problems) {
        if (rules.isEmpty()) {
            problems.add(where + " has no rates");
            return;
        }
        boolean valid = true;
        for (int i = 0; i < rules.size(); i++) {
            String problem = rules.get(i).problem(perKw);
            if (problem != null) {
                problems.add(where + "[" + i + "]: " + problem);
                valid = false;
            }
        }
        if (valid) {
            String gap = RateRule.gap(rules);
            if (gap != null) {
                problems.add(where + " has no rate for " + gap + " (the last rule should apply always)");
            }
        }
    }
}
