package org.straumflyt.dashboard.web;

import com.sun.net.httpserver.Headers;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.straumflyt.dashboard.view.Viewer;

/**
 * Who may see the figures of buildings with personal data: the members of {@code groups}, as the authenticating
 * proxy in front of the dashboard says in the request header {@code header} (oauth2-proxy passes a user's groups as
 * {@code X-Forwarded-Groups}, comma separated). Without groups nobody is cleared. The header is believed as the
 * proxy sends it, so the dashboard must be reachable only through the proxy (it listens on loopback by default; the
 * Kubernetes manifest keeps it behind the proxy in the same pod).
 *
 * @param header the request header that lists the user's groups
 * @param groups the groups cleared for personal data
 */
public record PersonalDataAccess(String header, Set<String> groups) {
    /** The header oauth2-proxy sets with {@code --pass-user-headers}. */
    public static final String DEFAULT_HEADER = "X-Forwarded-Groups";
    /** Nobody is cleared. */
    public static final PersonalDataAccess NOBODY = new PersonalDataAccess(DEFAULT_HEADER, Set.of());

    public PersonalDataAccess {
        groups = Set.copyOf(groups);
    }

    /** The groups in {@code header}, each trimmed; empty ones dropped. */
    public static PersonalDataAccess of(String header, List<String> groups) {
        return new PersonalDataAccess(header, groups.stream().map(String::trim).filter(g -> !g.isEmpty())
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** The viewer a request with these headers is. */
    Viewer viewer(Headers headers) {
        if (groups.isEmpty()) {
            return Viewer.RESTRICTED;
        }
        List<String> values = headers.get(header);
        if (values == null) {
            return Viewer.RESTRICTED;
        }
        boolean member = values.stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).anyMatch(groups::contains);
        return member ? Viewer.CLEARED : Viewer.RESTRICTED;
    }
}
