package org.straumflyt.processor.followup;

import java.util.List;

/**
 * Fits an {@link EnergySignature} to reference days. The method:
 * <ol>
 * <li>For each candidate balance temperature τ on a grid ({@value #GRID_FROM_C} °C to {@value #GRID_TO_C} °C in
 * steps of {@value #GRID_STEP_C} °C), each day gets x = max(0, τ − t), and E = a + b·x is fitted by ordinary least
 * squares. A candidate counts only when at least {@value #MIN_SEGMENT_DAYS} days lie on each side of τ (so both the
 * base and the slope are measured, not extrapolated) and its slope b is positive.</li>
 * <li>The candidate with the least sum of squared residuals (SSE) is the signature; on a tie the lower τ.</li>
 * <li>When no candidate counts (a building that does not heat, or too few cold or warm days), the signature is the
 * constant mean energy of the days (b = 0, τ the warmest day's temperature).</li>
 * </ol>
 * Fit quality: R² = 1 − SSE/SST and CV-RMSE = √(SSE/(n − p)) ÷ mean E, p = 3 for a change-point fit (τ, a, b), 1
 * for a constant one.
 */
public final class SignatureFit {
    public static final double GRID_FROM_C = -10;
    public static final double GRID_TO_C = 25;
    public static final double GRID_STEP_C = 0.5;
    public static final int MIN_SEGMENT_DAYS = 3;

    private SignatureFit() {
    }

    /**
     * The signature of these days.
     *
     * @throws IllegalArgumentException when there are no days
     */
    public static EnergySignature fit(List<SignaturePoint> days) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a signature needs at least one reference day");
        }
        int n = days.size();
        double mean = days.stream().mapToDouble(SignaturePoint::kwh).sum() / n;
        double sst = days.stream().mapToDouble(d -> (d.kwh() - mean) * (d.kwh() - mean)).sum();
        Candidate best = null;
        int steps = (int) Math.round((GRID_TO_C - GRID_FROM_C) / GRID_STEP_C);
        for (int i = 0; i <= steps; i++) {
            Candidate c = fitAt(days, GRID_FROM_C + i * GRID_STEP_C);
            if (c != null && (best == null || c.sse() < best.sse())) {
                best = c;
            }
        }
        if (best == null) {
            double warmest = days.stream().mapToDouble(SignaturePoint::temperatureC).max().orElseThrow();
            return new EnergySignature(warmest, mean, 0, n, quality(0, sst), cvRmse(0, n, 1, mean));
        }
        return new EnergySignature(best.balanceC(), best.a(), best.b(), n, quality(best.sse(), sst),
                cvRmse(best.sse(), n, 3, mean));
    }

    /**
     * The least-squares fit E = a + b·max(0, τ − t) at one balance temperature τ, or {@code null} when fewer than
     * {@value #MIN_SEGMENT_DAYS} days lie on either side of τ or the slope is not positive.
     */
    static Candidate fitAt(List<SignaturePoint> days, double balanceC) {
        int n = days.size();
        int below = 0;
        double sx = 0;
        double sy = 0;
        for (SignaturePoint d : days) {
            double x = Math.max(0, balanceC - d.temperatureC());
            below += x > 0 ? 1 : 0;
            sx += x;
            sy += d.kwh();
        }
        if (below < MIN_SEGMENT_DAYS || n - below < MIN_SEGMENT_DAYS) {
            return null;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (SignaturePoint d : days) {
            double dx = Math.max(0, balanceC - d.temperatureC()) - mx;
            sxx += dx * dx;
            sxy += dx * (d.kwh() - my);
        }
        double b = sxy / sxx;
        if (!(b > 0)) {
            return null;
        }
        double a = my - b * mx;
        double sse = 0;
        for (SignaturePoint d : days) {
            double r = d.kwh() - (a + b * Math.max(0, balanceC - d.temperatureC()));
            sse += r * r;
        }
        return new Candidate(balanceC, a, b, sse);
    }

    private static double quality(double sse, double sst) {
        if (sst <= 0) {
            return sse <= 0 ? 1 : 0;
        }
        return 1 - sse / sst;
    }

    private static Double cvRmse(double sse, int n, int parameters, double mean) {
        if (n <= parameters || mean == 0) {
            return null;
        }
        return Math.sqrt(sse / (n - parameters)) / mean;
    }

    /** One balance temperature's least-squares fit and its sum of squared residuals. */
    record Candidate(double balanceC, double a, double b, double sse) {
    }
}
