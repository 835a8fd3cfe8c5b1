package org.straumflyt.ingest.route;

import java.util.Optional;

/** The ids read from a message's topic through its route's template. */
public record TopicIds(Optional<String> meterId, Optional<String> buildingId) {
    public static final TopicIds NONE = new TopicIds(Optional.empty(), Optional.empty());
}
