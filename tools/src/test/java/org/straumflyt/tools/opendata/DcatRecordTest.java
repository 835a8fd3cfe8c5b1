package org.straumflyt.tools.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The record against DCAT-AP-NO 2.x (data.norge.no/specification/dcat-ap-no): for dcat:Dataset the mandatory
 * dct:description, dct:identifier, dcat:theme, dct:title and dct:publisher (exactly one, a foaf:Agent with
 * foaf:name); for dcat:Distribution the mandatory dcat:accessURL; and the recommended properties the export promises.
 */
class DcatRecordTest {
    private static final Instant EXPORTED = Instant.parse("2026-11-02T06:00:00.123Z");
    private static final List<DistributionFile> FILES = List.of(
            new DistributionFile("building-kpi-daily.csv", FileFormat.CSV, "Dag", "Day", 10, 1234),
            new DistributionFile("building-kpi-monthly.json", FileFormat.JSON, "Måned", "Month", 2, 567));

    private static DatasetMetadata metadata(OpenLicense license, String organizationNumber, String baseUrl) {
        return new DatasetMetadata("3201", "Bærum kommune", organizationNumber, "energi@baerum.kommune.no", license,
                baseUrl, null, null, ExportPeriod.parse("2026-01", "2026-10"), EXPORTED, 3);
    }

    @Test
    void hasEveryMandatoryPropertyOfADataset() {
        JsonNode dataset = DcatRecord.of(metadata(OpenLicense.NLOD_2_0, "987654321", null), FILES);

        assertThat(dataset.get("@type").asText()).isEqualTo("dcat:Dataset");
        assertThat(languages(dataset.get("dct:title"))).contains("nb");
        assertThat(languages(dataset.get("dct:description"))).contains("nb");
        assertThat(dataset.get("dct:title").get(0).get("@value").asText())
                .isEqualTo("Energibruk i kommunale bygg, Bærum kommune 2026-01-01–2026-10-31");
        assertThat(dataset.get("dct:identifier").asText())
                .isEqualTo("urn:straumflyt:open-data:building-energy-kpi:3201:2026-01-01:2026-10-31");
        assertThat(ids(dataset.get("dcat:theme")))
                .containsExactly("http://publications.europa.eu/resource/authority/data-theme/ENER");
        JsonNode publisher = dataset.get("dct:publisher");
        assertThat(publisher.isObject()).as("exactly one publisher").isTrue();
        assertThat(publisher.get("@type").asText()).isEqualTo("foaf:Agent");
        assertThat(publisher.get("foaf:name").get(0).get("@value").asText()).isEqualTo("Bærum kommune");
    }

    @Test
    void namesThePublisherByItsOrganisationNumberWhenConfigured() {
        JsonNode withNumber = DcatRecord.of(metadata(OpenLicense.NLOD_2_0, "987654321", null), FILES).get("dct:publisher");
        JsonNode withoutNumber = DcatRecord.of(metadata(OpenLicense.NLOD_2_0, null, null), FILES).get("dct:publisher");

        assertThat(withNumber.get("@id").asText())
                .isEqualTo("https://organization-catalog.fellesdatakatalog.digdir.no/organizations/987654321");
        assertThat(withNumber.get("dct:identifier").asText()).isEqualTo("987654321");
        assertThat(withoutNumber.has("@id")).isFalse();
        assertThat(withoutNumber.get("foaf:name")).isNotEmpty();
    }

    @Test
    void hasTheRecommendedPropertiesOfADataset() {
        JsonNode dataset = DcatRecord.of(metadata(OpenLicense.NLOD_2_0, null, null), FILES);

        assertThat(dataset.get("dcat:contactPoint").get("vcard:hasEmail").get("@id").asText())
                .isEqualTo("mailto:energi@baerum.kommune.no");
        assertThat(dataset.get("dct:accessRights").get("@id").asText())
                .isEqualTo("http://publications.europa.eu/resource/authority/access-right/PUBLIC");
        assertThat(ids(dataset.get("dct:spatial")))
                .contains("http://publications.europa.eu/resource/authority/country/NOR");
        assertThat(dataset.get("dct:spatial").get(1).get("dct:identifier").asText()).isEqualTo("3201");
        JsonNode temporal = dataset.get("dct:temporal");
        assertThat(temporal.get("dcat:startDate").get("@value").asText()).isEqualTo("2026-01-01");
        assertThat(temporal.get("dcat:startDate").get("@type").asText()).isEqualTo("xsd:date");
        assertThat(temporal.get("dcat:endDate").get("@value").asText()).isEqualTo("2026-10-31");
        assertThat(dataset.get("dcat:keyword")).isNotEmpty();
        assertThat(dataset.get("dct:modified").get("@value").asText()).isEqualTo("2026-11-02T06:00:00Z");
        assertThat(dataset.get("dcat:distribution")).hasSize(2);
    }

    @Test
    void everyDistributionHasAnAccessUrlFormatMediaTypeAndTheLicence() {
        JsonNode dataset = DcatRecord.of(metadata(OpenLicense.CC_BY_4_0, null, null), FILES);

        JsonNode csv = dataset.get("dcat:distribution").get(0);
        assertThat(csv.get("@type").asText()).isEqualTo("dcat:Distribution");
        assertThat(csv.get("dcat:accessURL").get("@id").asText()).isEqualTo("building-kpi-daily.csv");
        assertThat(csv.get("dcat:downloadURL").get("@id").asText()).isEqualTo("building-kpi-daily.csv");
        assertThat(csv.get("dct:format").get("@id").asText())
                .isEqualTo("http://publications.europa.eu/resource/authority/file-type/CSV");
        assertThat(csv.get("dcat:mediaType").get("@id").asText())
                .isEqualTo("https://www.iana.org/assignments/media-types/text/csv");
        assertThat(csv.get("dcat:byteSize").get("@value").asText()).isEqualTo("1234");
        for (JsonNode distribution : dataset.get("dcat:distribution")) {
            assertThat(distribution.get("dcat:accessURL").get("@id").asText()).isNotBlank();
            assertThat(distribution.get("dct:license").get("@id").asText())
                    .isEqualTo("http://creativecommons.org/licenses/by/4.0/");
            assertThat(languages(distribution.get("dct:title"))).contains("nb", "en");
        }
        assertThat(dataset.get("dcat:distribution").get(1).get("dcat:mediaType").get("@id").asText())
                .isEqualTo("https://www.iana.org/assignments/media-types/application/json");
    }

    @Test
    void theLicenceIsNlodWhenChosen() {
        JsonNode dataset = DcatRecord.of(metadata(OpenLicense.NLOD_2_0, null, null), FILES);

        assertThat(dataset.get("dcat:distribution").get(0).get("dct:license").get("@id").asText())
                .isEqualTo("http://data.norge.no/nlod/no/2.0");
    }

    @Test
    void aBaseUrlMakesTheUrlsAndTheIdentifierAbsolute() {
        JsonNode dataset = DcatRecord.of(metadata(OpenLicense.NLOD_2_0, null, "https://data.example.no/energi"), FILES);

        assertThat(dataset.get("@id").asText()).isEqualTo("https://data.example.no/energi/dataset.jsonld");
        assertThat(dataset.get("dcat:distribution").get(0).get("dcat:accessURL").get("@id").asText())
                .isEqualTo("https://data.example.no/energi/building-kpi-daily.csv");
    }

    @Test
    void declaresEveryPrefixItUses() {
        JsonNode dataset = DcatRecord.of(metadata(OpenLicense.NLOD_2_0, "987654321", null), FILES);

        String json = dataset.toString();
        for (String prefix : List.of("dcat", "dct", "foaf", "vcard", "skos", "xsd")) {
            if (json.contains("\"" + prefix + ":")) {
                assertThat(dataset.get("@context").has(prefix)).as(prefix).isTrue();
            }
        }
    }

    private static List<String> languages(JsonNode texts) {
        return StreamSupport.stream(texts.spliterator(), false).map(t -> t.get("@language").asText()).toList();
    }

    private static List<String> ids(JsonNode nodes) {
        return StreamSupport.stream(nodes.spliterator(), false).filter(n -> n.has("@id"))
                .map(n -> n.get("@id").asText()).toList();
    }
}
