package org.straumflyt.tools.opendata;

import java.util.function.Function;

/**
 * One column of a published table: its name in the CSV header and the JSON objects, and how a row gives its value
 * ({@code null} = no value: an empty CSV cell, a JSON {@code null}).
 */
public record Column<R>(String name, Function<R, Object> value) {
}
