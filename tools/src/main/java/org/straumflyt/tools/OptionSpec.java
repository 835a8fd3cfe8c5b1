package org.straumflyt.tools;

import java.util.Objects;

/**
 * One option of a command: {@code --name VALUE}, or a flag {@code --name} without a value.
 *
 * @param name         the option's name without the leading dashes
 * @param valueName    what the value is, as shown in the usage (e.g. {@code DIR}); {@code null} for a flag
 * @param description  one line for the usage
 * @param defaultValue the value when the option is not given, shown in the usage; {@code null} when none
 */
public record OptionSpec(String name, String valueName, String description, String defaultValue) {
    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /** An option that takes a value and has no default. */
    public static OptionSpec value(String name, String valueName, String description) {
        return new OptionSpec(name, valueName, description, null);
    }

    /** An option that takes a value, with the value used when it is not given. */
    public static OptionSpec value(String name, String valueName, String description, String defaultValue) {
        return new OptionSpec(name, valueName, description, defaultValue);
    }

    /** An option without a value: present or not. */
    public static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, null, description, null);
    }

    public boolean isFlag() {
        return valueName == null;
    }

    /** The option's line in a usage text. */
    String usageLine() {
        String left = "--" + name + (isFlag() ? "" : " " + valueName);
        String right = description + (defaultValue == null ? "" : " (default " + defaultValue + ")");
        return String.format("  %-30s %s", left, right);
    }
}
