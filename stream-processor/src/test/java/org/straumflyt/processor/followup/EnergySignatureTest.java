package org.straumflyt.processor.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The change-point fit against hand computations and against days generated from a known signature. */
class EnergySignatureTest {
    private static final double EPS = 1e-9;

    private static List<SignaturePoint> points(double[][] tk) {
        List<SignaturePoint> days = new ArrayList<>();
        for (double[] p : tk) {
            days.add(new SignaturePoint(p[0], p[1]));
        }
        return days;
    }

    @Test
    void shouldLeastSquareTheLineAtOneBalanceTemperatureAsWorkedByHand() {
        // Given six days; at τ = 15 °C, x = max(0, 15 − t) is 0, 0, 0, 10, 15, 20
        List<SignaturePoint> days = points(new double[][] {{25, 10}, {20, 12}, {15, 8}, {5, 30}, {0, 40}, {-5, 56}});

        // When the line is fitted at 15 °C
        SignatureFit.Candidate c = SignatureFit.fitAt(days, 15);

        // Then, by hand: mean x 7.5, mean E 26, Sxx 387.5, Sxy 850, so b = 850/387.5 = 68/31 and
        // a = 26 − 7.5·68/31 = 296/31; residuals 14, 76, −48, −46, −76, 80 (all /31), SSE = 22568/961
        assertThat(c.b()).isCloseTo(68.0 / 31, within(EPS));
        assertThat(c.a()).isCloseTo(296.0 / 31, within(EPS));
        assertThat(c.sse()).isCloseTo(22568.0 / 961, within(EPS));
    }

    @Test
    void shouldNotFitABalanceTemperatureWithFewerThanThreeDaysOnASide() {
        List<SignaturePoint> days = points(new double[][] {{25, 10}, {20, 12}, {15, 8}, {5, 30}, {0, 40}, {-5, 56}});
        // at 3 °C only −5 and 0 are below
        assertThat(SignatureFit.fitAt(days, 3)).isNull();
        // at 22 °C only 25 is above
        assertThat(SignatureFit.fitAt(days, 22)).isNull();
    }

    @Test
    void shouldRecoverAnExactSignatureWithAPerfectFit() {
        // Given days exactly on E = 100 + 10·max(0, 14 − t)
        double[] temps = {-10, -5, 0, 5, 10, 15, 18, 22};
        List<SignaturePoint> days = new ArrayList<>();
        for (double t : temps) {
            days.add(new SignaturePoint(t, 100 + 10 * Math.max(0, 14 - t)));
        }

        EnergySignature s = SignatureFit.fit(days);

        assertThat(s.balanceC()).isCloseTo(14, within(EPS));
        assertThat(s.baseKwh()).isCloseTo(100, within(1e-6));
        assertThat(s.heatingKwhPerDegree()).isCloseTo(10, within(1e-6));
        assertThat(s.r2()).isCloseTo(1, within(1e-9));
        assertThat(s.cvRmse()).isCloseTo(0, within(1e-6));
        assertThat(s.days()).isEqualTo(8);
        // expected energy and deviation of a day at −6 °C that used 350 kWh: 100 + 10·20 = 300, +50 kWh, +16.67 %
        Deviation d = s.deviation(350, -6);
        assertThat(d.expectedKwh()).isCloseTo(300, within(1e-6));
        assertThat(d.kwh()).isCloseTo(50, within(1e-6));
        assertThat(d.percent()).isCloseTo(50.0 / 300 * 100, within(1e-6));
    }

    @Test
    void shouldRecoverAKnownSignatureFromAYearOfNoisyDays() {
        // Given a year of days from E = 200 + 15·max(0, 13 − t) + N(0, 10²), temperatures seasonal with noise
        Random random = new Random(20261207);
        List<SignaturePoint> days = new ArrayList<>();
        double sum = 0;
        for (int d = 0; d < 365; d++) {
            double t = 5 - 11 * Math.cos(2 * Math.PI * d / 365) + 3 * random.nextGaussian();
            double e = 200 + 15 * Math.max(0, 13 - t) + 10 * random.nextGaussian();
            days.add(new SignaturePoint(t, e));
            sum += e;
        }

        EnergySignature s = SignatureFit.fit(days);

        // Then the parameters are recovered within the noise's reach
        assertThat(s.balanceC()).isCloseTo(13, within(1.0));
        assertThat(s.baseKwh()).isCloseTo(200, within(200 * 0.03));
        assertThat(s.heatingKwhPerDegree()).isCloseTo(15, within(15 * 0.05));
        assertThat(s.r2()).isGreaterThan(0.95);
        // and the CV-RMSE is the noise over the mean energy
        double mean = sum / days.size();
        assertThat(s.cvRmse()).isCloseTo(10 / mean, within(10 / mean * 0.15));
    }

    @Test
    void shouldFallBackToTheMeanForABuildingThatDoesNotHeat() {
        // Given days whose energy falls as it gets colder (no heating: a negative slope everywhere)
        List<SignaturePoint> days = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double t = -10 + i * 1.5;
            days.add(new SignaturePoint(t, 50 + 0.5 * t));
        }

        EnergySignature s = SignatureFit.fit(days);

        // Then the signature is the constant mean: 50 + 0.5 · mean t, mean t = −10 + 1.5 · 9.5 = 4.25
        assertThat(s.heats()).isFalse();
        assertThat(s.expectedKwh(-20)).isCloseTo(50 + 0.5 * 4.25, within(1e-9));
        assertThat(s.balanceC()).isCloseTo(-10 + 19 * 1.5, within(EPS));
    }
}
