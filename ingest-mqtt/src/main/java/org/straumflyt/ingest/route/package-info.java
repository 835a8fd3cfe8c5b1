/**
 * Routes: which MQTT topics a route subscribes to ({@link org.straumflyt.ingest.route.TopicFilter}), in which
 * payload format, and which ids its topic template reads ({@link org.straumflyt.ingest.route.TopicTemplate}); the
 * {@link org.straumflyt.ingest.route.RouteTable} gives a topic to the first route that matches it.
 */
package org.straumflyt.ingest.route;
