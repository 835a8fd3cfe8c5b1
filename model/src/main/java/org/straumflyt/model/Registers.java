package org.straumflyt.model;

/** Well-known register names. Any other name is allowed and is treated as an import register. */
public final class Registers {
    /** Energy taken from the grid or network: what a building uses. */
    public static final String IMPORT = "import";
    /** Energy delivered to the grid, e.g. from on-site solar. Reported beside use, never added to it. */
    public static final String EXPORT = "export";

    private Registers() {
    }

    /** Whether a register counts as export (delivered) energy. */
    public static boolean isExport(String register) {
        return EXPORT.equals(register);
    }
}
