package org.straumflyt.deploy;

/** Text as Markdown needs it. */
final class Markdown {
    private Markdown() {
    }

    /**
     * Plain text as one table cell: a {@code |} would end the cell, and {@code <word>} would be read as an HTML tag
     * and vanish, so both are escaped; line breaks become spaces.
     */
    static String cell(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return text.strip().replaceAll("\\s*\\R\\s*", " ").replace("|", "\\|").replace("<", "\\<");
    }
}
