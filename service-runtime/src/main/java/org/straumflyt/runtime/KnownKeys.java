package org.straumflyt.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A set of configuration keys: exact names, and templates in which {@code <name>} stands for one lower-case word
 * ({@code route.<name>.filter}) and a final {@code *} for anything ({@code kafka.producer.*}). Suggests the nearest
 * exact name for a key it does not know, to catch typos.
 *
 * @param names     exact keys
 * @param templates keys with {@code <name>} or a final {@code *}
 */
public record KnownKeys(Set<String> names, Set<String> templates) {
    private static final String WORD = "<name>";

    public KnownKeys {
        names = Set.copyOf(names);
        templates = Set.copyOf(templates);
    }

    /** Exact keys and templates, told apart by their {@code <name>} or final {@code *}. */
    public static KnownKeys of(Collection<String> keys) {
        Set<String> names = new TreeSet<>();
        Set<String> templates = new TreeSet<>();
        for (String key : keys) {
            (isTemplate(key) ? templates : names).add(key);
        }
        return new KnownKeys(names, templates);
    }

    /** The keys of a text resource, one a line; blank lines and lines starting with # are left out. */
    public static KnownKeys resource(String name) {
        try (InputStream in = KnownKeys.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return of(reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    public KnownKeys plus(KnownKeys other) {
        Set<String> allNames = new TreeSet<>(names);
        allNames.addAll(other.names);
        Set<String> allTemplates = new TreeSet<>(templates);
        allTemplates.addAll(other.templates);
        return new KnownKeys(allNames, allTemplates);
    }

    public boolean contains(String key) {
        return names.contains(key) || templates.stream().anyMatch(t -> matches(t, key));
    }

    /**
     * The known exact key nearest to {@code key} when it is near enough to be what was meant: at most a third of its
     * letters differ (one typo in a short key, a few in a long one).
     */
    public Optional<String> nearest(String key) {
        int limit = Math.max(1, key.length() / 3);
        return names.stream()
                .filter(n -> Math.abs(n.length() - key.length()) <= limit)
                .map(n -> new Candidate(n, distance(key, n)))
                .filter(c -> c.distance <= limit)
                .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
                .map(Candidate::name);
    }

    private record Candidate(String name, int distance) {
    }

    private static boolean isTemplate(String key) {
        return key.contains(WORD) || key.endsWith("*");
    }

    /** Whether {@code key} has the shape of {@code template}. */
    static boolean matches(String template, String key) {
        boolean open = template.endsWith("*");
        String fixed = open ? template.substring(0, template.length() - 1) : template;
        String regex = Arrays.stream(fixed.split(Pattern.quote(WORD), -1)).map(Pattern::quote)
                .collect(Collectors.joining("[a-z0-9]+"));
        return key.matches(open ? regex + ".+" : regex);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
