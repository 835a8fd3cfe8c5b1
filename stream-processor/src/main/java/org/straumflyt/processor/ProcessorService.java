package org.straumflyt.processor;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.model.Topics;
import org.straumflyt.processor.followup.FollowUpTopology;
import org.straumflyt.processor.portfolio.PortfolioMetrics;
import org.straumflyt.processor.portfolio.PortfolioTopology;
import org.straumflyt.runtime.KafkaMeters;
import org.straumflyt.runtime.Service;
import org.straumflyt.runtime.ServiceContext;
import org.straumflyt.runtime.TopicProvisioner;

/** Runs the KPI topology in Kafka Streams with exactly-once processing. */
public final class ProcessorService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final ProcessorConfig config;
    private final ServiceContext context;
    private final Topics topics;
    private KafkaStreams streams;
    private StreamsHealth streamsHealth;
    private StreamsHealth portfolioHealth;
    private KafkaMeters.Binding streamsMetrics;
    private KafkaStreams portfolioStreams;
    private KafkaMeters.Binding portfolioStreamsMetrics;
    private KafkaStreams followUpStreams;
    private StreamsHealth followUpHealth;
    private KafkaMeters.Binding followUpStreamsMetrics;
    private final Duration kafkaMetersRefresh;
    private final ScheduledExecutorService kafkaMetersScheduler = KafkaMeters.newScheduler();

    public ProcessorService(ProcessorConfig config, ServiceContext context) {
        this(config, context, KafkaMeters.DEFAULT_REFRESH);
    }

    /**
     * @param kafkaMetersRefresh how often the Kafka Streams meters on /metrics follow the metrics Kafka Streams has
     *                           (its tasks, stores and clients come and go); tests shorten it
     */
    public ProcessorService(ProcessorConfig config, ServiceContext context, Duration kafkaMetersRefresh) {
        this.config = config;
        this.context = context;
        this.topics = Topics.withPrefix(config.topicPrefix());
        this.kafkaMetersRefresh = kafkaMetersRefresh;
    }

    @Override
    public void start() {
        TopicProvisioner provisioner = config.topicProvisioner();
        if (provisioner != null) {
            context.health().waitingFor("Kafka at " + config.bootstrapServers() + " to create topics");
            provisioner.ensure(topics.all());
        }
        Properties properties = streamsProperties();
        ProcessorMetrics metrics = new ProcessorMetrics(context.registry());
        KpiTopology topology = new KpiTopology(topics, config.meteringRules(), config.degreeDayRules(),
                config.weatherZones(), metrics, context.clock()).quarterHours(config.quarterHoursEnabled())
                .withTariffs(config.costTariffs());
        streams = new KafkaStreams(topology.build(properties), properties);
        streamsHealth = StreamsHealth.watch("kafka-streams", streams, context.health());
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            streamsHealth.threadFailed(e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = kafkaMeters(streams);
        streams.start();
        LOG.info("stream processor {} started on {}", config.applicationId(), config.bootstrapServers());
        if (config.portfolioEnabled()) {
            startPortfolio();
        }
        if (config.followUpEnabled()) {
            startFollowUp();
        }
    }

    /** The follow-up application: like the portfolio's, its own application id and state over public topics. */
    private void startFollowUp() {
        Properties properties = streamsProperties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, followUpApplicationId());
        FollowUpTopology topology = new FollowUpTopology(topics, config.followUpRules(), context.clock());
        followUpStreams = new KafkaStreams(topology.build(properties), properties);
        followUpHealth = StreamsHealth.watch("kafka-streams-followup", followUpStreams, context.health());
        followUpStreams.setUncaughtExceptionHandler(e -> {
            LOG.error("follow-up stream thread failed; replacing it", e);
            followUpHealth.threadFailed(e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        followUpStreamsMetrics = kafkaMeters(followUpStreams);
        followUpStreams.start();
        LOG.info("follow-up application {} started", followUpApplicationId());
    }

    String followUpApplicationId() {
        return config.applicationId() + "-followup";
    }

    /**
     * The portfolio application: its own application id, topology and state, reading only public topics, so it is
     * isolated from the KPI topology's internals; same exactly-once settings.
     */
    private void startPortfolio() {
        Properties properties = streamsProperties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, portfolioApplicationId());
        PortfolioTopology topology = new PortfolioTopology(topics, config.portfolioRules(),
                new PortfolioMetrics(context.registry()), context.clock());
        portfolioStreams = new KafkaStreams(topology.build(properties), properties);
        portfolioHealth = StreamsHealth.watch("kafka-streams-portfolio", portfolioStreams, context.health());
        portfolioStreams.setUncaughtExceptionHandler(e -> {
            LOG.error("portfolio stream thread failed; replacing it", e);
            portfolioHealth.threadFailed(e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        portfolioStreamsMetrics = kafkaMeters(portfolioStreams);
        portfolioStreams.start();
        LOG.info("portfolio application {} started", portfolioApplicationId());
    }

    private KafkaMeters.Binding kafkaMeters(KafkaStreams kafkaStreams) {
        return KafkaMeters.bind(context, kafkaStreams::metrics,
                () -> new KafkaStreamsMetrics(kafkaStreams, List.of(), kafkaMetersScheduler, kafkaMetersRefresh),
                kafkaMetersScheduler, kafkaMetersRefresh);
    }

    String portfolioApplicationId() {
        return config.applicationId() + "-portfolio";
    }

    /** The portfolio application's Kafka Streams state ({@code NOT_RUNNING} when disabled), for tests and health. */
    public KafkaStreams.State portfolioState() {
        return portfolioStreams == null ? KafkaStreams.State.NOT_RUNNING : portfolioStreams.state();
    }

    /** The Kafka Streams state, for tests and health. */
    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }

    Properties streamsProperties() {
        Properties p = config.kafkaProperties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitIntervalMs());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, config.cacheMaxBytes());
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class.getName());
        p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        // Process whatever has arrived instead of idling for partitions that are momentarily empty: a reading
        // processed before a registry change of its meter is re-attributed when the change arrives, and its hours
        // are recomputed when the change brings other limits (register maximum, maximum power).
        p.putIfAbsent(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        if (config.inMemoryStores()) {
            p.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                    BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class.getName());
        }
        return p;
    }

    @Override
    public void close() {
        if (followUpStreamsMetrics != null) {
            followUpStreamsMetrics.close();
        }
        if (followUpStreams != null) {
            followUpHealth.closing();
            followUpStreams.close(CLOSE_TIMEOUT);
            LOG.info("follow-up application stopped in state {}", followUpStreams.state());
        }
        if (portfolioStreamsMetrics != null) {
            portfolioStreamsMetrics.close();
        }
        if (portfolioStreams != null) {
            portfolioHealth.closing();
            portfolioStreams.close(CLOSE_TIMEOUT);
            LOG.info("portfolio application stopped in state {}", portfolioStreams.state());
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        if (streams != null) {
            streamsHealth.closing();
            streams.close(CLOSE_TIMEOUT);
            LOG.info("stream processor stopped in state {}", streams.state());
        }
        kafkaMetersScheduler.shutdownNow();
    }
}
