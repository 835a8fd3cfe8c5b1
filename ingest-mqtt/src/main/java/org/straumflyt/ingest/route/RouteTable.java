package org.straumflyt.ingest.route;

import java.util.List;
import java.util.Optional;

/** The configured routes, in configuration order: a topic goes to the first route whose filter matches it. */
public record RouteTable(List<Route> routes) {

    public RouteTable {
        routes = List.copyOf(routes);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("at least one route is needed");
        }
    }

    public Optional<Route> routeFor(String topic) {
        return routes.stream().filter(r -> r.filter().matches(topic)).findFirst();
    }
}
