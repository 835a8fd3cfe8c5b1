package org.straumflyt.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.straumflyt.dashboard.registry.BuildingDirectory;
import org.straumflyt.dashboard.registry.KafkaBuildingDirectory;
import org.straumflyt.dashboard.store.KpiReader;
import org.straumflyt.dashboard.store.QuestDbKpiReader;
import org.straumflyt.dashboard.view.DashboardQueries;
import org.straumflyt.dashboard.web.WebServer;
import org.straumflyt.model.Topics;
import org.straumflyt.runtime.Health;
import org.straumflyt.runtime.Service;
import org.straumflyt.runtime.ServiceContext;

/**
 * Wires the dashboard: the store reader, the registry reader, the page's figures and the web server; ready while
 * the store answers (the registry only adds names: without it the pages show ids).
 */
public final class DashboardService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardService.class);

    private final DashboardConfig config;
    private final ServiceContext context;
    private WebServer web;
    private KafkaBuildingDirectory registry;

    public DashboardService(DashboardConfig config, ServiceContext context) {
        this.config = config;
        this.context = context;
    }

    @Override
    public void start() {
        KpiReader reader = new QuestDbKpiReader(config.storeUrl(), config.storeTimeout());
        BuildingDirectory buildings = BuildingDirectory.NONE;
        if (config.registryEnabled()) {
            registry = new KafkaBuildingDirectory(config.kafkaProperties(),
                    Topics.withPrefix(config.topicPrefix()).registryBuildings());
            buildings = registry;
        }
        DashboardQueries queries = new DashboardQueries(reader, buildings, config.timeZone(), context.clock());
        web = WebServer.start(config.webHost(), config.webPort(), queries, config.liveInterval(),
                config.personalDataAccess(), config.mapTiles(), context.registry());
        context.health().check("store", () -> reader.available() ? Health.Status.up("the KPI store at " + config.storeUrl()
                + " answers") : Health.Status.down("the KPI store at " + config.storeUrl() + " does not answer; check "
                + "STRAUMFLYT_STORE_URL"));
        LOG.info("dashboard on {}", url());
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8090/}. */
    public String url() {
        return "http://" + config.webHost() + ":" + web.port() + "/";
    }

    @Override
    public void close() {
        if (web != null) {
            web.close();
        }
        if (registry != null) {
            registry.close();
        }
    }
}
