package org.straumflyt.tools.prices;

import java.io.BufferedReader;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.straumflyt.model.DayAheadPrice;
import org.straumflyt.model.Topics;
import org.straumflyt.runtime.cli.CommandLines;
import org.straumflyt.runtime.cli.UsageException;
import org.straumflyt.tools.ImportSink;
import org.straumflyt.tools.ImportTiming;
import org.straumflyt.tools.InputFiles;
import org.straumflyt.tools.KafkaImportSink;
import org.straumflyt.tools.KafkaOptions;
import org.straumflyt.tools.KafkaSettings;
import org.straumflyt.tools.ToolContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code price-import}: day-ahead prices from an ENTSO-E XML or a simple CSV file into {@code prices.day-ahead}. */
@Command(name = "price-import", description = "import day-ahead prices (ENTSO-E Publication_MarketDocument XML, or "
        + "CSV: " + SimplePriceCsv.HEADER + ") into prices.day-ahead, in NOK/kWh")
public final class PriceImportCommand implements Callable<Integer> {
    private final ToolContext context;

    @Option(names = "--file", paramLabel = "PATH", required = true,
            description = "the price file, UTF-8; - reads stdin (required)")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "ENTSOE_XML or CSV (default: ENTSOE_XML for "
            + "a .xml file, else CSV)")
    PriceFormat format;

    @Option(names = "--exchange-rates", paramLabel = "PATH", description = "daily NOK per EUR, CSV "
            + ExchangeRates.HEADER + " (e.g. Norges Bank's rates); a day without one takes the latest earlier rate")
    String exchangeRates;

    @Option(names = "--eur-nok", paramLabel = "RATE", description = "one fixed NOK per EUR for every day, instead "
            + "of --exchange-rates")
    Double eurNok;

    @Option(names = "--dry-run", description = "check every price, send nothing")
    boolean dryRun;

    @Mixin
    KafkaOptions kafkaOptions;

    @Mixin
    ImportTiming timing;

    public PriceImportCommand(ToolContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Duration timeout = timing.timeout();
        Duration progress = timing.progress();
        if (exchangeRates != null && eurNok != null) {
            throw new UsageException("give --exchange-rates or --eur-nok, not both");
        }
        if (eurNok != null && !(eurNok > 0 && eurNok < 1000)) {
            throw new UsageException("--eur-nok must be a positive rate such as 11.7, was " + eurNok);
        }
        KafkaSettings kafka = kafkaOptions.settings(context.environment());
        Topics topics = kafka.topics();
        PriceFormat chosen = format != null ? format : PriceFormat.guess(file);
        ExchangeRates rates;
        ParsedPrices parsed;
        try {
            rates = rates();
            try (BufferedReader reader = InputFiles.open(file, System.in)) {
                parsed = chosen == PriceFormat.ENTSOE_XML ? EntsoeXml.parse(reader) : SimplePriceCsv.parse(reader);
            }
        } catch (PriceFileException e) {
            context.err().println("price-import: " + file + " " + e.getMessage() + "; nothing imported");
            return CommandLines.FAILED;
        }
        try (ImportSink<DayAheadPrice> sink = dryRun ? ImportSink.dryRun()
                : KafkaImportSink.open(kafka, topics.dayAheadPrices(), topics::priceRecord,
                        "straumflyt-price-import", timeout)) {
            PriceImportReport report;
            try {
                report = new PriceImport(sink, rates, context.err(), context.clock(), progress).run(parsed);
            } catch (PriceFileException e) {
                context.err().println("price-import: " + file + " " + e.getMessage() + "; nothing imported");
                return CommandLines.FAILED;
            } catch (IllegalStateException e) {
                context.err().println("price-import: " + e.getMessage() + " after " + sink.acknowledged()
                        + " prices were confirmed; the import is incomplete. Importing the file again is safe "
                        + "(prices are keyed by zone and start).");
                return CommandLines.FAILED;
            }
            context.out().println("price-import: " + file + ": " + report.summary(dryRun)
                    + (dryRun ? "" : " to " + topics.dayAheadPrices().name()));
            if (!report.complete()) {
                context.err().println("price-import: " + report.rejected()
                        + " values were rejected and skipped (see above); fix them and import the file again");
                return CommandLines.FAILED;
            }
            return CommandLines.OK;
        }
    }

    private ExchangeRates rates() throws java.io.IOException {
        if (eurNok != null) {
            return ExchangeRates.fixed(eurNok);
        }
        if (exchangeRates == null) {
            return ExchangeRates.none();
        }
        try (BufferedReader reader = InputFiles.open(exchangeRates, System.in)) {
            return ExchangeRates.table(reader, exchangeRates);
        }
    }
}
