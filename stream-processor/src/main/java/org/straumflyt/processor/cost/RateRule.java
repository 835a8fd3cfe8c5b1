package org.straumflyt.processor.cost;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rate that applies in part of the year, week and day, in local time of the building: rules are tried in order and
 * the first that matches wins.
 *
 * @param months    months 1..12 it applies in; absent = all
 * @param days      {@code all} (default), {@code weekdays} (Monday–Friday) or {@code weekends}
 * @param fromHour  first local hour it applies in, 0..23; absent = 0
 * @param toHour    local hour it stops at (exclusive), 1..24; absent = 24
 * @param nokPerKwh the rate, NOK per kWh (or NOK per kW for capacity rules)
 */
public record RateRule(List<Integer> months, String days, Integer fromHour, Integer toHour, Double nokPerKwh,
        Double nokPerKw) {

    public RateRule {
        months = months == null ? List.of() : List.copyOf(months);
        days = days == null ? "all" : days;
    }

    /** The rate of this rule: per kWh, or per kW for capacity rules. */
    double rate() {
        return nokPerKwh != null ? nokPerKwh : nokPerKw;
    }

    boolean matches(ZonedDateTime local) {
        return matches(local.getMonthValue(), local.getDayOfWeek(), local.getHour());
    }

    boolean matches(int month, DayOfWeek day, int hour) {
        if (!months.isEmpty() && !months.contains(month)) {
            return false;
        }
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        if (days.equals("weekdays") && weekend || days.equals("weekends") && !weekend) {
            return false;
        }
        return hour >= (fromHour == null ? 0 : fromHour) && hour < (toHour == null ? 24 : toHour);
    }

    /**
     * What is wrong with the rule, or {@code null}.
     *
     * @param perKw whether it is a capacity rule (NOK per kW, months only)
     */
    String problem(boolean perKw) {
        if (perKw ? nokPerKw == null || nokPerKwh != null : nokPerKwh == null || nokPerKw != null) {
            return "needs " + (perKw ? "nokPerKw" : "nokPerKwh") + " (and not " + (perKw ? "nokPerKwh" : "nokPerKw")
                    + ")";
        }
        if (!Double.isFinite(rate())) {
            return "the rate must be a finite number";
        }
        Set<Integer> seen = new TreeSet<>();
        for (Integer m : months) {
            if (m == null || m < 1 || m > 12 || !seen.add(m)) {
                return "months must be distinct numbers 1..12, were " + months;
            }
        }
        if (!Set.of("all", "weekdays", "weekends").contains(days)) {
            return "days must be all, weekdays or weekends, was '" + days + "'";
        }
        if (perKw && (!days.equals("all") || fromHour != null || toHour != null)) {
            return "a capacity rule may only name months";
        }
        int from = fromHour == null ? 0 : fromHour;
        int to = toHour == null ? 24 : toHour;
        if (from < 0 || to > 24 || from >= to) {
            return "fromHour..toHour must be within 0..24 with fromHour < toHour, were " + from + ".." + to;
        }
        return null;
    }

    /** The first rule of {@code rules} that matches, or {@code null}. */
    static RateRule first(List<RateRule> rules, ZonedDateTime local) {
        for (RateRule rule : rules) {
            if (rule.matches(local)) {
                return rule;
            }
        }
        return null;
    }

    /** A month, day type and hour that no rule of {@code rules} covers, as text, or {@code null} when all are. */
    static String gap(List<RateRule> rules) {
        for (int month = 1; month <= 12; month++) {
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY)) {
                for (int hour = 0; hour < 24; hour++) {
                    int m = month;
                    int h = hour;
                    if (rules.stream().noneMatch(r -> r.matches(m, day, h))) {
                        return "month " + month + ", " + (day == DayOfWeek.MONDAY ? "weekdays" : "weekends")
                                + ", hour " + hour;
                    }
                }
            }
        }
        return null;
    }
}
