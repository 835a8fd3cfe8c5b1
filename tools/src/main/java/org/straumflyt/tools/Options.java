package org.straumflyt.tools;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The parsed options of one command, checked against its {@link OptionSpec}s. */
public final class Options {
    private final Map<String, String> values;
    private final Set<String> flags;
    private final Map<String, OptionSpec> specs;

    private Options(Map<String, String> values, Set<String> flags, Map<String, OptionSpec> specs) {
        this.values = values;
        this.flags = flags;
        this.specs = specs;
    }

    /**
     * Parses {@code --name value} pairs and {@code --flag}s.
     *
     * @throws UsageException naming the first unknown option, a value-less option or a stray argument
     */
    public static Options parse(List<String> args, List<OptionSpec> known) {
        Map<String, OptionSpec> specs = new HashMap<>();
        known.forEach(s -> specs.put(s.name(), s));
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            OptionSpec spec = specs.get(name);
            if (spec == null) {
                throw new UsageException("unknown option --" + name);
            }
            if (spec.isFlag()) {
                if (inlineValue != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                flags.add(name);
                continue;
            }
            String value = inlineValue;
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--" + name + " needs a value (" + spec.valueName() + ")");
                }
                value = args.get(++i);
            }
            if (values.put(name, value) != null) {
                throw new UsageException("--" + name + " is given more than once");
            }
        }
        return new Options(values, Collections.unmodifiableSet(flags), specs);
    }

    /** Whether a flag was given. */
    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /** The option's value, else its default, else {@code null}. */
    public String get(String name) {
        String value = values.get(name);
        if (value != null) {
            return value;
        }
        OptionSpec spec = specs.get(name);
        return spec == null ? null : spec.defaultValue();
    }

    /** Whether the option was given on the command line (not only defaulted). */
    public boolean given(String name) {
        return values.containsKey(name);
    }

    /**
     * The option's value, or its default.
     *
     * @throws UsageException when it has neither
     */
    public String require(String name) {
        String value = get(name);
        if (value == null || value.isBlank()) {
            OptionSpec spec = specs.get(name);
            throw new UsageException("--" + name + " " + (spec == null ? "VALUE" : spec.valueName()) + " is required");
        }
        return value;
    }

    /**
     * The option's value converted by {@code parser}; a parser's {@link IllegalArgumentException} or
     * {@link DateTimeParseException} becomes a {@link UsageException} that names the option and the value.
     */
    public <T> T parsed(String name, Function<String, T> parser, String expected) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UsageException("--" + name + " must be " + expected + ", got '" + value + "'", e);
        }
    }

    /** A whole number at least {@code min}. */
    public int integer(String name, int min) {
        Integer value = parsed(name, Integer::valueOf, "a whole number");
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        if (value < min) {
            throw new UsageException("--" + name + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** A positive ISO-8601 duration such as {@code PT2M}. */
    public Duration duration(String name) {
        Duration value = parsed(name, Duration::parse, "an ISO-8601 duration such as PT2M");
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        if (value.isNegative() || value.isZero()) {
            throw new UsageException("--" + name + " must be positive, got " + value);
        }
        return value;
    }
}
