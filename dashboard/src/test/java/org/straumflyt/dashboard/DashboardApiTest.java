package org.straumflyt.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.straumflyt.dashboard.store.QuestDbKpiReader;
import org.straumflyt.dashboard.view.BuildingDetail;
import org.straumflyt.dashboard.store.PortfolioRow;
import org.straumflyt.dashboard.view.BuildingSummary;
import org.straumflyt.dashboard.view.DayFigure;
import org.straumflyt.dashboard.view.MonthPeaks;
import org.straumflyt.dashboard.view.MunicipalityPage;
import org.straumflyt.dashboard.view.YearFigure;
import org.straumflyt.dashboard.view.DashboardQueries;
import org.straumflyt.dashboard.view.HourBar;
import org.straumflyt.dashboard.view.LiveHour;
import org.straumflyt.dashboard.view.Portfolio;
import org.straumflyt.dashboard.web.WebServer;
import org.straumflyt.servers.PrivateServer;
import org.straumflyt.servers.QuestDbExtension;
import org.straumflyt.servers.QuestDbServer;

/** The page's figures and the JSON API, read from a real QuestDB holding rows the publisher's writer wrote. */
@ExtendWith(QuestDbExtension.class)
class DashboardApiTest {
    private static final double EXACT = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DashboardQueries queries;
    /** The same store with the registry: names, categories, areas. */
    private static DashboardQueries named;
    private static WebServer web;

    @BeforeAll
    static void store(@PrivateServer QuestDbServer store) {
        KpiFixture.write(store, KpiFixture.rows());
        KpiFixture.write(store, KpiFixture.history());
        QuestDbKpiReader reader = new QuestDbKpiReader(store.httpUrl(), Duration.ofSeconds(10));
        queries = new DashboardQueries(reader, KpiFixture.ZONE, KpiFixture.CLOCK);
        named = new DashboardQueries(reader, KpiFixture::registry, KpiFixture.ZONE, KpiFixture.CLOCK);
        web = WebServer.start("127.0.0.1", 0, queries, Duration.ofMillis(200),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void portfolioHasEveryBuildingWithTodaysAndYesterdaysEnergyLivePowerAndCoverage() {
        Portfolio portfolio = queries.portfolio();

        assertThat(portfolio.today()).hasToString("2026-03-10");
        assertThat(portfolio.hourStart()).isEqualTo(KpiFixture.RUNNING);
        Map<String, BuildingSummary> byId = portfolio.buildings().stream()
                .collect(Collectors.toMap(BuildingSummary::id, b -> b));
        assertThat(portfolio.buildings()).extracting(BuildingSummary::id)
                .containsExactly("hall-c", "skole-a", "sykehjem-b");

        BuildingSummary school = byId.get("skole-a");
        assertThat(school.category()).isEqualTo("school");
        assertThat(school.municipality()).isEqualTo("3201");
        assertThat(school.todayKwh()).isCloseTo(11 * 10.0 + 4.0, within(EXACT));
        assertThat(school.yesterdayKwh()).isCloseTo(24 * 8.0, within(EXACT));
        assertThat(school.runningHourKwh()).isCloseTo(4.0, within(EXACT));
        assertThat(school.liveKw()).isCloseTo(4.0 / 0.25, within(EXACT));
        assertThat(school.todayKwhPerM2()).isCloseTo(114.0 / 500, within(EXACT));
        assertThat(school.areaM2()).isCloseTo(500, within(1e-6));
        assertThat(school.coverage()).isCloseTo(1.0, within(EXACT));
        assertThat(school.newestHour()).isEqualTo(KpiFixture.RUNNING);
        assertThat(school.flags()).containsExactly("estimated");
        assertThat(school.metersReporting()).isEqualTo(3);
        assertThat(school.metersExpected()).isEqualTo(3);

        BuildingSummary nursing = byId.get("sykehjem-b");
        assertThat(nursing.todayKwh()).isCloseTo(30.0, within(EXACT));
        assertThat(nursing.yesterdayKwh()).isNull();
        assertThat(nursing.liveKw()).isNull();
        assertThat(nursing.todayKwhPerM2()).isNull();
        assertThat(nursing.areaM2()).isNull();
        assertThat(nursing.coverage()).isCloseTo(6 * 0.5 / 11, within(EXACT));
        assertThat(nursing.flags()).containsExactly("gap", "missing_meters");
        assertThat(nursing.metersReporting()).isEqualTo(1);
        assertThat(nursing.metersExpected()).isEqualTo(2);

        BuildingSummary hall = byId.get("hall-c");
        assertThat(hall.todayKwh()).isNull();
        assertThat(hall.yesterdayKwh()).isNull();
        assertThat(hall.coverage()).isZero();
        assertThat(hall.newestHour()).isEqualTo(KpiFixture.HALL_C_HOUR);
    }

    @Test
    void buildingPageHasTodaysHoursUpToTheRunningOneInProgressAndEveryHourOfYesterday() {
        BuildingDetail school = queries.building("skole-a").orElseThrow();

        assertThat(school.today()).hasSize(12);
        assertThat(school.today().get(0).localHour()).isEqualTo("00:00");
        assertThat(school.today().get(0).hourStart()).isEqualTo(KpiFixture.TODAY);
        assertThat(school.today().subList(0, 11)).allSatisfy(bar -> {
            assertThat(bar.kwh()).isCloseTo(10.0, within(EXACT));
            assertThat(bar.inProgress()).isFalse();
        });
        HourBar running = school.today().get(11);
        assertThat(running.localHour()).isEqualTo("11:00");
        assertThat(running.inProgress()).isTrue();
        assertThat(running.kwh()).isCloseTo(4.0, within(EXACT));
        assertThat(school.yesterday()).hasSize(24).allSatisfy(bar -> {
            assertThat(bar.kwh()).isCloseTo(8.0, within(EXACT));
            assertThat(bar.inProgress()).isFalse();
        });
        assertThat(school.yesterday().get(23).localHour()).isEqualTo("23:00");
    }

    @Test
    void hoursWithoutDataAreGapsButTheRunningHourIsInProgressNeverAGap() {
        List<HourBar> today = queries.building("sykehjem-b").orElseThrow().today();

        assertThat(today.subList(0, 6)).allSatisfy(bar -> assertThat(bar.kwh()).isCloseTo(5.0, within(EXACT)));
        assertThat(today.subList(6, 11)).allSatisfy(bar -> assertThat(bar.kwh()).isNull());
        assertThat(today.get(11).inProgress()).isTrue();
        assertThat(today.get(11).kwh()).isZero();
    }

    @Test
    void registryGivesNamesCategoriesAndAreasAndItsBuildingsWithoutDataAreListedToo() {
        Map<String, BuildingSummary> byId = named.portfolio().buildings().stream()
                .collect(Collectors.toMap(BuildingSummary::id, b -> b));

        assertThat(named.portfolio().buildings()).extracting(BuildingSummary::id)
                .containsExactly("barnehage-d", "hall-c", "skole-a", "sykehjem-b");
        BuildingSummary school = byId.get("skole-a");
        assertThat(school.name()).isEqualTo("Bekkestua skole");
        assertThat(school.inRegistry()).isTrue();
        assertThat(school.areaM2()).isEqualTo(500.0);
        assertThat(school.municipality()).isEqualTo("3201");
        BuildingSummary kindergarten = byId.get("barnehage-d");
        assertThat(kindergarten.name()).isEqualTo("Hosle barnehage");
        assertThat(kindergarten.category()).isEqualTo("kindergarten");
        assertThat(kindergarten.areaM2()).isEqualTo(300.0);
        assertThat(kindergarten.todayKwh()).isNull();
        assertThat(kindergarten.newestHour()).isNull();
        assertThat(kindergarten.year().benchmarkKwhPerM2()).as("SSB 2011 has no kindergarten figure").isNull();
        BuildingSummary hall = byId.get("hall-c");
        assertThat(hall.name()).as("not in the registry: its id").isEqualTo("hall-c");
        assertThat(hall.inRegistry()).isFalse();
        assertThat(hall.category()).as("the store's tag").isEqualTo("sports_hall");
        assertThat(byId.get("sykehjem-b").areaM2()).as("area 0 in the registry: unknown").isNull();
        assertThat(named.building("barnehage-d")).as("a registry building without data has a page").isPresent();
    }

    @Test
    void todayIsComparedWithTheSameTimeOnTheSameWeekdayLastWeek() {
        BuildingSummary school = named.portfolio().buildings().stream().filter(b -> b.id().equals("skole-a"))
                .findFirst().orElseThrow();
        // Tuesday 3 March from local midnight to 12:00 local (the end of the running hour a week later): 12 × 9 kWh.
        assertThat(school.lastWeekKwh()).isCloseTo(12 * 9.0, within(EXACT));

        BuildingDetail detail = named.building("skole-a").orElseThrow();
        assertThat(detail.lastWeek()).hasSize(24).allSatisfy(bar -> assertThat(bar.kwh()).isCloseTo(9.0, within(EXACT)));
        assertThat(detail.lastWeek().get(0).hourStart()).isEqualTo(KpiFixture.LAST_WEEK);
        assertThat(detail.summary().lastWeekKwh()).isCloseTo(12 * 9.0, within(EXACT));
        assertThat(named.building("sykehjem-b").orElseThrow().summary().lastWeekKwh()).isNull();
    }

    @Test
    void lastThirtyDaysHaveEnergyAndTemperatureWithGapsAndFlags() {
        List<DayFigure> days = named.building("skole-a").orElseThrow().days();

        assertThat(days).hasSize(30);
        assertThat(days.get(0).date()).hasToString("2026-02-08");
        assertThat(days.get(29).date()).hasToString("2026-03-09");
        Map<java.time.LocalDate, DayFigure> byDate = days.stream()
                .collect(Collectors.toMap(DayFigure::date, d -> d));
        DayFigure last = byDate.get(java.time.LocalDate.parse("2026-03-09"));
        assertThat(last.kwh()).isCloseTo(400 - 10 * 2.5, within(EXACT));
        assertThat(last.meanTemperatureC()).isCloseTo(2.5, within(EXACT));
        assertThat(last.kwhPerM2()).isCloseTo(375.0 / 500, within(EXACT));
        assertThat(byDate.get(KpiFixture.GAP_DAY).kwh()).as("no record: a gap").isNull();
        assertThat(byDate.get(KpiFixture.NO_WEATHER_DAY).kwh()).isNotNull();
        assertThat(byDate.get(KpiFixture.NO_WEATHER_DAY).meanTemperatureC()).isNull();
        DayFigure flagged = byDate.get(KpiFixture.FLAGGED_DAY);
        assertThat(flagged.flags()).containsExactlyInAnyOrder("estimated", "gap");
        assertThat(flagged.hoursWithData()).isEqualTo(20);
        assertThat(flagged.hoursInDay()).isEqualTo(24);
    }

    @Test
    void monthsPeaksAreTheHighestHourAndTheCapacityBasisWithTheThreeDaysBehindIt() {
        MonthPeaks month = named.building("skole-a").orElseThrow().month();

        assertThat(month.month()).hasToString("2026-03");
        assertThat(month.peakHourKwh()).isCloseTo(KpiFixture.PEAK_KWH, within(EXACT));
        assertThat(month.peakHourStart()).isEqualTo(java.time.Instant.parse("2026-03-04T06:00:00Z"));
        assertThat(month.capacityPeakKw()).isCloseTo((35.0 + 29 + 28) / 3, within(EXACT));
        assertThat(month.topDays()).extracting(d -> d.date().toString())
                .containsExactly("2026-03-04", "2026-03-09", "2026-03-08");
        assertThat(month.topDays()).extracting(MonthPeaks.PeakDay::kwh).containsExactly(35.0, 29.0, 28.0);
        assertThat(month.daysWithData()).isEqualTo(10);
    }

    @Test
    void twelveMonthsPerSquareMetreAgainstTheCategoryBenchmark() {
        YearFigure year = named.building("skole-a").orElseThrow().summary().year();

        assertThat(year.kwhPerM2()).isCloseTo((6000 + 5250 + 1500) / 500.0, within(1e-9));
        assertThat(year.monthsWithData()).isEqualTo(3);
        assertThat(year.from()).hasToString("2025-04");
        assertThat(year.to()).hasToString("2026-03");
        assertThat(year.benchmarkKwhPerM2()).isEqualTo(163.0);
    }

    @Test
    void municipalityPageHasTheNewestRecordOfEachPeriodWithItsCategories() throws Exception {
        MunicipalityPage page = named.municipalities();

        assertThat(page.portfolios()).extracting(PortfolioRow::municipality, PortfolioRow::period)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3201", "rolling_12_months"),
                        org.assertj.core.groups.Tuple.tuple("3201", "year_to_date"));
        PortfolioRow ytd = page.portfolios().get(1);
        assertThat(ytd.values()).containsEntry("smart_meter_percent", 75.0).containsEntry("renewable_percent", 54.0)
                .containsEntry("kwh_per_m2", 0.75).containsEntry("integrated_building_percent", 66.66666666666666)
                .containsEntry("period_end", "2026-01-03").containsEntry("annual_basis", "part_of_year");
        assertThat(ytd.categories()).extracting(c -> c.get("category"), c -> c.get("kwh_per_m2"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("office", 0.6),
                        org.assertj.core.groups.Tuple.tuple("school", 0.825));
        assertThat(page.benchmarks()).containsEntry("school", 163.0);

        JsonNode json = JSON.readTree(get("/api/municipalities", 200));
        assertThat(json.path("portfolios").get(1).path("values").path("smart_meter_percent").asDouble())
                .isEqualTo(75.0);
        assertThat(get("/municipality", 200)).contains("/assets/app.js");
    }

    @Test
    void liveHasTheRunningHourOfTheBuildingsThatHaveOne() {
        LiveHour live = queries.live();

        assertThat(live.hourStart()).isEqualTo(KpiFixture.RUNNING);
        assertThat(live.buildings()).singleElement().satisfies(b -> {
            assertThat(b.id()).isEqualTo("skole-a");
            assertThat(b.kwh()).isCloseTo(4.0, within(EXACT));
            assertThat(b.liveKw()).isCloseTo(16.0, within(EXACT));
        });
    }

    @Test
    void jsonApiAnswersPortfolioBuildingAndNotFound() throws Exception {
        JsonNode portfolio = JSON.readTree(get("/api/portfolio", 200));
        JsonNode school = portfolio.path("buildings").get(1);
        assertThat(school.path("id").asText()).isEqualTo("skole-a");
        assertThat(school.path("todayKwh").asDouble()).isCloseTo(114.0, within(EXACT));
        assertThat(school.path("newestHour").asText()).isEqualTo("2026-03-10T10:00:00Z");
        assertThat(portfolio.path("timeZone").asText()).isEqualTo("Europe/Oslo");

        JsonNode building = JSON.readTree(get("/api/buildings/sykehjem-b", 200));
        assertThat(building.path("summary").path("todayKwh").asDouble()).isCloseTo(30.0, within(EXACT));
        assertThat(building.path("today").get(11).path("inProgress").asBoolean()).isTrue();

        assertThat(get("/api/buildings/nobody", 404)).contains("no building nobody");
        assertThat(get("/", 200)).contains("<script type=\"module\" src=\"/assets/app.js\">");
        assertThat(get("/building/skole-a", 200)).contains("/assets/app.js");
        assertThat(get("/assets/app.js", 200)).contains("EventSource");
        get("/assets/../index.html", 404);
    }

    @Test
    void liveFeedSendsTheRunningHourAsServerSentEvents() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/api/live"))
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        try (BufferedReader events = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = events.readLine();
            } while (line != null && !line.startsWith("data: "));
            assertThat(line).isNotNull();
            JsonNode event = JSON.readTree(line.substring("data: ".length()));
            assertThat(event.path("hourStart").asText()).isEqualTo("2026-03-10T10:00:00Z");
            assertThat(event.path("buildings").get(0).path("liveKw").asDouble()).isCloseTo(16.0, within(EXACT));
        }
    }

    private static String get(String path, int status) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        if (status == 200) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        }
        return response.body();
    }
}
