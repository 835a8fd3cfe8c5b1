package org.straumflyt.tools.opendata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.straumflyt.model.Kpi;

/**
 * The current value of each key of a KPI topic. KPI records are upserts: the record with the highest revision for a
 * key is its value, whatever the order they are read in; records are never added up.
 */
public final class LatestRevisions<K, V extends Kpi> {
    private final Map<K, V> latest = new HashMap<>();

    /** Offers one record; it replaces the key's value unless that has a higher revision. */
    public void offer(K key, V value) {
        if (value == null) {
            latest.remove(key); // a tombstone removes the key
            return;
        }
        latest.merge(key, value, (current, candidate) -> candidate.revision() >= current.revision() ? candidate : current);
    }

    public List<V> values() {
        return new ArrayList<>(latest.values());
    }

    public int size() {
        return latest.size();
    }
}
