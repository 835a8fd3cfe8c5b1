package org.straumflyt.tools.opendata;

/**
 * A distribution's format: {@code dct:format} from the EU file-type vocabulary and {@code dcat:mediaType} from
 * IANA, the controlled vocabularies DCAT-AP-NO 2 requires for them.
 */
public enum FileFormat {
    CSV("csv", "http://publications.europa.eu/resource/authority/file-type/CSV",
            "https://www.iana.org/assignments/media-types/text/csv"),
    JSON("json", "http://publications.europa.eu/resource/authority/file-type/JSON",
            "https://www.iana.org/assignments/media-types/application/json");

    private final String extension;
    private final String fileTypeUri;
    private final String mediaTypeUri;

    FileFormat(String extension, String fileTypeUri, String mediaTypeUri) {
        this.extension = extension;
        this.fileTypeUri = fileTypeUri;
        this.mediaTypeUri = mediaTypeUri;
    }

    public String extension() {
        return extension;
    }

    public String fileTypeUri() {
        return fileTypeUri;
    }

    public String mediaTypeUri() {
        return mediaTypeUri;
    }
}
