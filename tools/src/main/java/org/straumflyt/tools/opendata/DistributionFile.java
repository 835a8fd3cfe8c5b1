package org.straumflyt.tools.opendata;

/**
 * One written file, described as a {@code dcat:Distribution}.
 *
 * @param fileName its name in the output directory
 * @param format   its format
 * @param titleNb  title in Norwegian bokmål
 * @param titleEn  title in English
 * @param rows     data rows in it
 * @param byteSize its size, bytes
 */
public record DistributionFile(String fileName, FileFormat format, String titleNb, String titleEn, int rows,
        long byteSize) {
}
