package org.straumflyt.tools.prices;

/** The whole file is not in a shape the import reads; nothing of it is imported. */
public final class PriceFileException extends IllegalArgumentException {
    PriceFileException(String message) {
        super(message);
    }
}
