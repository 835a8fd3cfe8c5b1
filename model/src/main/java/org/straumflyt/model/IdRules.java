package org.straumflyt.model;

/**
 * What a meter, building or location id (and a register name) may be: 1 to {@value #MAX_LENGTH} characters, each an
 * ASCII letter or digit or one of {@code - _ . : @ /}. Real ids fit: AMS meter numbers ({@code 7359992890000000}),
 * Shelly device ids ({@code shellypro3em-a8032ab12345}), SenML base names ({@code urn:dev:mac:0024befffe804ff1_}),
 * building ids ({@code baerum-skole-17}). Every id of this set is written unchanged as an InfluxDB line-protocol tag
 * and a QuestDB symbol, which need no escaping for any of these characters; a backslash, a space, a comma, an equals
 * sign, a quote or a control character would be escaped, changed or refused on the way to the store.
 */
public final class IdRules {
    public static final int MAX_LENGTH = 128;
    /** The punctuation allowed besides ASCII letters and digits. */
    public static final String PUNCTUATION = "-_.:@/";

    private IdRules() {
    }

    /** Why {@code id} breaks the rules, or {@code null} when it follows them. */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "is empty";
        }
        if (id.length() > MAX_LENGTH) {
            return "is " + id.length() + " characters long, more than " + MAX_LENGTH;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!allowed(c)) {
                return "has " + describe(c) + " at position " + i + "; allowed are ASCII letters, digits and "
                        + PUNCTUATION;
            }
        }
        return null;
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PUNCTUATION.indexOf(c) >= 0;
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
