package org.straumflyt.ingest.route;

import java.util.Optional;

/** The ids read from a message's topic through its route's template. */
public record TopicIds(Optional<String> meterId, Optional<String> buildingId, Optional<String> locationId) {
    public static final TopicIds NONE = new TopicIds(Optional.empty(), Optional.empty(), Optional.empty());

    /** Ids of a meter topic. */
    public TopicIds(Optional<String> meterId, Optional<String> buildingId) {
        this(meterId, buildingId, Optional.empty());
    }
}
