package org.straumflyt.tools.opendata;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the DCAT-AP-NO record says about an export beyond its files.
 *
 * @param municipality          municipality number (kommunenummer), four digits
 * @param municipalityName      the municipality's name, also the publisher's name
 * @param organizationNumber    the municipality's organisation number (Enhetsregisteret), nine digits, or {@code null}
 * @param contactEmail          where to send questions about the data
 * @param license               the licence of every distribution
 * @param baseUrl               where the files will be published, ending in {@code /}; {@code null} for URLs relative
 *                              to the metadata file
 * @param datasetId             the dataset's identifier, or {@code null} to derive one
 * @param spatialUri            URI of the municipality in a place vocabulary (e.g. Kartverket's administrative
 *                              units), or {@code null}
 * @param period                the period covered
 * @param modified              when the export was made
 * @param minAggregateBuildings the privacy rule's smallest published aggregate, for the description
 */
public record DatasetMetadata(String municipality, String municipalityName, String organizationNumber,
        String contactEmail, OpenLicense license, String baseUrl, String datasetId, String spatialUri,
        ExportPeriod period, Instant modified, int minAggregateBuildings) {

    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{4}");
    private static final Pattern ORGANIZATION_NUMBER = Pattern.compile("\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public DatasetMetadata {
        Objects.requireNonNull(municipalityName, "municipalityName");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(modified, "modified");
        if (municipality == null || !MUNICIPALITY.matcher(municipality).matches()) {
            throw new IllegalArgumentException("the municipality number must be four digits (e.g. 3201), got '"
                    + municipality + "'");
        }
        if (organizationNumber != null && !ORGANIZATION_NUMBER.matcher(organizationNumber).matches()) {
            throw new IllegalArgumentException("the organisation number must be nine digits, got '"
                    + organizationNumber + "'");
        }
        if (contactEmail == null || !EMAIL.matcher(contactEmail).matches()) {
            throw new IllegalArgumentException("the contact e-mail address is not an address: '" + contactEmail + "'");
        }
        if (baseUrl != null) {
            baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
            requireAbsolute(baseUrl, "the base URL");
        }
        if (spatialUri != null) {
            requireAbsolute(spatialUri, "the spatial URI");
        }
    }

    private static void requireAbsolute(String uri, String what) {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + uri + "' is not a URI");
        }
        if (!"http".equals(parsed.getScheme()) && !"https".equals(parsed.getScheme())) {
            throw new IllegalArgumentException(what + " '" + uri + "' must be an http(s) URL");
        }
    }

    /**
     * The dataset's identifier: the one given; else the metadata file's URL under the base URL; else a URN made of
     * the municipality and the period, which is stable across repeated exports of the same period.
     */
    public String identifier() {
        if (datasetId != null) {
            return datasetId;
        }
        if (baseUrl != null) {
            return baseUrl + OpenDataExport.METADATA_FILE;
        }
        return "urn:straumflyt:open-data:building-energy-kpi:" + municipality + ":" + period.from() + ":" + period.to();
    }

    /** A file's URL: under the base URL, or relative to the metadata file. */
    public String url(String fileName) {
        return baseUrl == null ? fileName : baseUrl + fileName;
    }
}
