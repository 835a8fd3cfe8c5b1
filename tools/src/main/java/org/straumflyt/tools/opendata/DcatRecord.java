package org.straumflyt.tools.opendata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The export's metadata as a DCAT-AP-NO 2 {@code dcat:Dataset} in JSON-LD. It has the profile's mandatory properties
 * (title, description, identifier, publisher with its name, theme from the EU data-theme vocabulary; an access URL on
 * every distribution) and these recommended ones: contact point, keywords, spatial and temporal coverage, access
 * rights from the EU access-right vocabulary; per distribution a title, description, format (EU file type),
 * media type (IANA), licence; optional: modification date, byte size. In DCAT-AP(-NO) the licence belongs to the
 * distribution, so each distribution carries it.
 */
public final class DcatRecord {
    public static final String THEME_ENERGY = "http://publications.europa.eu/resource/authority/data-theme/ENER";
    public static final String ACCESS_PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC";
    public static final String NORWAY = "http://publications.europa.eu/resource/authority/country/NOR";
    /** The pattern DCAT-AP-NO gives for an organisation of Enhetsregisteret, by its organisation number. */
    public static final String ORGANIZATION_URI = "https://organization-catalog.fellesdatakatalog.digdir.no/organizations/";
    public static final String LOCAL_AUTHORITY = "http://purl.org/adms/publishertype/LocalAuthority";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DcatRecord() {
    }

    /** The JSON-LD document describing the dataset and its files. */
    public static ObjectNode of(DatasetMetadata meta, List<DistributionFile> files) {
        ObjectNode dataset = NODES.objectNode();
        dataset.set("@context", context());
        dataset.put("@id", meta.identifier());
        dataset.put("@type", "dcat:Dataset");
        dataset.put("dct:identifier", meta.identifier());
        dataset.set("dct:title", texts(
                "Energibruk i kommunale bygg, " + meta.municipalityName() + " " + span(meta.period(), "–"),
                "Energy use of municipal buildings, " + meta.municipalityName() + " " + span(meta.period(), " to ")));
        dataset.set("dct:description", texts(descriptionNb(meta), descriptionEn(meta)));
        dataset.set("dct:publisher", publisher(meta));
        dataset.set("dcat:theme", NODES.arrayNode().add(ref(THEME_ENERGY)));
        dataset.set("dcat:keyword", keywords());
        dataset.set("dct:spatial", NODES.arrayNode().add(ref(NORWAY)).add(municipality(meta)));
        dataset.set("dct:temporal", temporal(meta.period()));
        dataset.set("dcat:contactPoint", contactPoint(meta));
        dataset.set("dct:accessRights", ref(ACCESS_PUBLIC));
        dataset.set("dct:modified", typed(meta.modified().truncatedTo(ChronoUnit.SECONDS).toString(), "xsd:dateTime"));
        ArrayNode distributions = NODES.arrayNode();
        files.forEach(f -> distributions.add(distribution(meta, f)));
        dataset.set("dcat:distribution", distributions);
        return dataset;
    }

    private static ObjectNode context() {
        ObjectNode context = NODES.objectNode();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("vcard", "http://www.w3.org/2006/vcard/ns#");
        context.put("skos", "http://www.w3.org/2004/02/skos/core#");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        return context;
    }

    private static String descriptionNb(DatasetMetadata meta) {
        return "Energinøkkeltall for kommunale bygg i " + meta.municipalityName() + " (kommunenummer "
                + meta.municipality() + ") per bygg og dag og per bygg og måned: energibruk per energibærer (kWh), "
                + "kWh per m² oppvarmet areal (BRA), topptime, grunnlast, graddager (basis 17 °C) og "
                + "graddagskorrigert energibruk, med dekningsgrad og kvalitetsflagg. Bygg med personopplysninger "
                + "(f.eks. kommunale boliger) publiseres aldri per dag; de inngår bare i månedstall summert per "
                + "kategori, og bare når minst " + meta.minAggregateBuildings() + " bygg inngår i summen.";
    }

    private static String descriptionEn(DatasetMetadata meta) {
        return "Energy indicators of the municipal buildings of " + meta.municipalityName() + " (municipality number "
                + meta.municipality() + ") per building and day and per building and month: energy used per energy "
                + "carrier (kWh), kWh per m² of heated floor area, peak hour, base load, degree days (base 17 °C) and "
                + "degree-day-corrected energy, with coverage and quality flags. Buildings holding personal data "
                + "(e.g. municipal housing) are never published per day; they appear only in monthly figures summed "
                + "per category, and only when at least " + meta.minAggregateBuildings() + " buildings are in the sum.";
    }

    private static ObjectNode publisher(DatasetMetadata meta) {
        ObjectNode agent = NODES.objectNode();
        if (meta.organizationNumber() != null) {
            agent.put("@id", ORGANIZATION_URI + meta.organizationNumber());
        }
        agent.put("@type", "foaf:Agent");
        agent.set("foaf:name", NODES.arrayNode().add(text(meta.municipalityName(), "nb")));
        if (meta.organizationNumber() != null) {
            agent.put("dct:identifier", meta.organizationNumber());
        }
        agent.set("dct:type", ref(LOCAL_AUTHORITY));
        return agent;
    }

    private static ArrayNode keywords() {
        ArrayNode keywords = NODES.arrayNode();
        for (String nb : List.of("energi", "energibruk", "kommunale bygg", "energieffektivitet", "graddager")) {
            keywords.add(text(nb, "nb"));
        }
        for (String en : List.of("energy", "energy consumption", "public buildings", "energy efficiency",
                "degree days")) {
            keywords.add(text(en, "en"));
        }
        return keywords;
    }

    /** The municipality: the given place URI, else a location identified by its municipality number. */
    private static ObjectNode municipality(DatasetMetadata meta) {
        ObjectNode location = NODES.objectNode();
        if (meta.spatialUri() != null) {
            location.put("@id", meta.spatialUri());
        }
        location.put("@type", "dct:Location");
        location.put("dct:identifier", meta.municipality());
        location.set("skos:prefLabel", text(meta.municipalityName(), "nb"));
        return location;
    }

    private static ObjectNode temporal(ExportPeriod period) {
        ObjectNode temporal = NODES.objectNode();
        temporal.put("@type", "dct:PeriodOfTime");
        temporal.set("dcat:startDate", typed(period.from().toString(), "xsd:date"));
        temporal.set("dcat:endDate", typed(period.to().toString(), "xsd:date"));
        return temporal;
    }

    private static ObjectNode contactPoint(DatasetMetadata meta) {
        ObjectNode contact = NODES.objectNode();
        contact.put("@type", "vcard:Organization");
        contact.put("vcard:fn", meta.municipalityName());
        contact.set("vcard:hasEmail", ref("mailto:" + meta.contactEmail()));
        return contact;
    }

    private static ObjectNode distribution(DatasetMetadata meta, DistributionFile file) {
        String url = meta.url(file.fileName());
        ObjectNode distribution = NODES.objectNode();
        distribution.put("@id", meta.baseUrl() == null ? "_:" + file.fileName().replace('.', '-') : url + "#distribution");
        distribution.put("@type", "dcat:Distribution");
        distribution.set("dct:title", texts(file.titleNb(), file.titleEn()));
        distribution.set("dct:description", texts(
                file.titleNb() + ": " + file.rows() + " rader, UTF-8, med kolonnenavn.",
                file.titleEn() + ": " + file.rows() + " rows, UTF-8, with column names."));
        distribution.set("dcat:accessURL", ref(url));
        distribution.set("dcat:downloadURL", ref(url));
        distribution.set("dct:format", ref(file.format().fileTypeUri()));
        distribution.set("dcat:mediaType", ref(file.format().mediaTypeUri()));
        distribution.set("dct:license", ref(meta.license().uri()));
        distribution.set("dcat:byteSize", typed(Long.toString(file.byteSize()), "xsd:decimal"));
        distribution.set("dct:modified", typed(meta.modified().truncatedTo(ChronoUnit.SECONDS).toString(),
                "xsd:dateTime"));
        return distribution;
    }

    private static String span(ExportPeriod period, String separator) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        return from + separator + to;
    }

    private static ArrayNode texts(String nb, String en) {
        return NODES.arrayNode().add(text(nb, "nb")).add(text(en, "en"));
    }

    private static ObjectNode text(String value, String language) {
        ObjectNode text = NODES.objectNode();
        text.put("@value", value);
        text.put("@language", language);
        return text;
    }

    private static ObjectNode typed(String value, String type) {
        ObjectNode literal = NODES.objectNode();
        literal.put("@value", value);
        literal.put("@type", type);
        return literal;
    }

    private static ObjectNode ref(String iri) {
        ObjectNode node = NODES.objectNode();
        node.put("@id", iri);
        return node;
    }
}
