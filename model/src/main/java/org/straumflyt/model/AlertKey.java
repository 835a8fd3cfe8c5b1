package org.straumflyt.model;

/**
 * Key of {@code alerts}: one kind of finding in one building, and the meter for findings about a meter. One ongoing
 * condition is one key; the compacted topic keeps its latest revision, and a later occurrence of the same condition
 * reuses the key with a new {@code since}.
 *
 * @param buildingId building id
 * @param kind       what the finding is about
 * @param meterId    the meter, for findings about one meter; absent otherwise
 */
public record AlertKey(String buildingId, AlertKind kind, String meterId) {
}
