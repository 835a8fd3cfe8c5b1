package org.straumflyt.dashboard.store;

/** The store could not answer; the API turns it into HTTP 503. */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }
}
