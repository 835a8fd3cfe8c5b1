/**
 * HTTP: the static front end, the JSON API and the live feed (server-sent events) of the dashboard.
 */
package org.straumflyt.dashboard.web;
