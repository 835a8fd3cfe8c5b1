/**
 * The buildings' names, categories, areas and municipalities for the pages, read from the compacted registry topic
 * ({@link org.straumflyt.dashboard.registry.KafkaBuildingDirectory}) behind the {@link
 * org.straumflyt.dashboard.registry.BuildingDirectory} seam.
 */
package org.straumflyt.dashboard.registry;
