package org.straumflyt.publisher.layout;

/** The line-protocol type of a field, with the column type QuestDB gives it. */
public enum FieldType {
    /** 64-bit float, written as {@code 1.5}. */
    FLOAT("DOUBLE"),
    /** 64-bit signed integer, written as {@code 3i}. */
    INTEGER("LONG"),
    /** UTF-8 string, written quoted. */
    STRING("VARCHAR"),
    /** {@code true} / {@code false}. */
    BOOLEAN("BOOLEAN");

    private final String questDbType;

    FieldType(String questDbType) {
        this.questDbType = questDbType;
    }

    /** The QuestDB column type that the v2 write API maps this field type to. */
    public String questDbType() {
        return questDbType;
    }
}
