package org.straumflyt.processor.portfolio;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters of the portfolio application (its Kafka Streams metrics are bound separately). */
public final class PortfolioMetrics {
    private final Counter portfolio;
    private final Counter twins;

    public PortfolioMetrics(MeterRegistry registry) {
        portfolio = Counter.builder("straumflyt.processor.portfolio.records")
                .description("kpi.portfolio records emitted (first values and revisions)").register(registry);
        twins = Counter.builder("straumflyt.processor.twin.records")
                .description("twin.buildings records emitted, tombstones included").register(registry);
    }

    public void portfolioEmitted() {
        portfolio.increment();
    }

    public void twinEmitted() {
        twins.increment();
    }
}
