package org.straumflyt.processor.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The fit does not depend on the order of the reference days, and it recovers any signature whose balance temperature
 * lies on the grid exactly from days without noise.
 */
class SignatureFitPropertyTest {

    @Provide
    Arbitrary<List<SignaturePoint>> days() {
        Arbitrary<SignaturePoint> point = Arbitraries.doubles().between(-15, 25).ofScale(1)
                .flatMap(t -> Arbitraries.doubles().between(0, 2000).ofScale(2).map(e -> new SignaturePoint(t, e)));
        return point.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    void theOrderOfTheDaysDoesNotMatter(@ForAll("days") List<SignaturePoint> days, @ForAll long seed) {
        List<SignaturePoint> shuffled = new ArrayList<>(days);
        Collections.shuffle(shuffled, new Random(seed));

        EnergySignature a = SignatureFit.fit(days);
        EnergySignature b = SignatureFit.fit(shuffled);

        double scale = 1e-7 * (1 + Math.abs(a.baseKwh()) + Math.abs(a.heatingKwhPerDegree()));
        assertThat(b.balanceC()).isCloseTo(a.balanceC(), within(1e-9));
        assertThat(b.baseKwh()).isCloseTo(a.baseKwh(), within(scale));
        assertThat(b.heatingKwhPerDegree()).isCloseTo(a.heatingKwhPerDegree(), within(scale));
    }

    @Property(tries = 200)
    void aSignatureWithoutNoiseIsRecovered(@ForAll @IntRange(min = -10, max = 36) int halfDegrees,
            @ForAll @DoubleRange(min = 10, max = 1000) double base,
            @ForAll @DoubleRange(min = 0.5, max = 100) double slope) {
        double balance = halfDegrees / 2.0;
        List<SignaturePoint> days = new ArrayList<>();
        // four days colder and four warmer than the balance, whole degrees apart
        for (int k = 1; k <= 4; k++) {
            double cold = balance - k * 1.5;
            double warm = balance + k * 1.5;
            days.add(new SignaturePoint(cold, base + slope * (balance - cold)));
            days.add(new SignaturePoint(warm, base));
        }

        EnergySignature s = SignatureFit.fit(days);

        assertThat(s.balanceC()).isCloseTo(balance, within(1e-9));
        assertThat(s.baseKwh()).isCloseTo(base, within(1e-6 * base));
        assertThat(s.heatingKwhPerDegree()).isCloseTo(slope, within(1e-6 * slope + 1e-9));
        assertThat(s.r2()).isCloseTo(1, within(1e-9));
    }
}
