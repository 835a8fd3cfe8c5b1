package org.straumflyt.dashboard.view;

/**
 * Who reads a page, as far as the figures of buildings that hold personal data are concerned (the registry's
 * {@code personalData}: municipal housing, very small units). Their hourly and daily consumption shows when people
 * are at home, so by default nobody sees a personal building's figures on the dashboard, only that it exists; the
 * same rule the open-data export follows (docs/OPEN-DATA.md).
 */
public enum Viewer {
    /** Sees every building, figures of personal buildings hidden. The default for every request. */
    RESTRICTED,
    /** Cleared for personal data (a member of a configured group, as the authenticating proxy says). */
    CLEARED;

    /** Whether this viewer sees the figures of a building with {@code personalData} set. */
    public boolean seesPersonalData() {
        return this == CLEARED;
    }
}
