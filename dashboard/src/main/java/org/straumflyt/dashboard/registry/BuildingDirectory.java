package org.straumflyt.dashboard.registry;

import java.util.Map;
import org.straumflyt.model.Building;

/**
 * The building registry as the dashboard sees it: names, categories, areas and municipalities by building id. The
 * store's rows carry only ids and tags; the registry is where a facility manager's names live.
 */
public interface BuildingDirectory {

    /** No registry: the pages show bare ids. */
    BuildingDirectory NONE = Map::of;

    /** The registry's buildings by id, as far as they have been read; a snapshot. */
    Map<String, Building> buildings();
}
