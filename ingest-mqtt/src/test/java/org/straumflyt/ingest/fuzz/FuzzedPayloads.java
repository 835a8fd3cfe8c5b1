package org.straumflyt.ingest.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.straumflyt.model.wire.Json;

/**
 * Structurally plausible hostile payloads: a real payload of the format, parsed, changed in one to four places
 * (absurd and non-finite numbers, NaN as text, wrong types, long and exotic strings, ancient and impossible times,
 * deep nesting, duplicate keys, fields removed or added, arrays multiplied), written back, and sometimes damaged
 * as bytes (cut, a byte changed, bytes inserted). What JSON cannot hold as a tree (raw tokens, duplicate keys, deep
 * nesting) goes in as a placeholder string that is swapped for the raw text after writing.
 */
final class FuzzedPayloads {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * No payload is longer: the test broker's message_size_limit is 1 MiB, and anything above ingest's 64 KiB
     * limit is TOO_LARGE without being parsed anyway.
     */
    static final int MAX_BYTES = 1_000_000;
    private static final String MARK = "\u0001raw";
    private static final String[] RAW_TOKENS = {"NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e308",
            "-1.7976931348623157e308", "4.9e-324", "-0", "123456789012345678901234567890", "1e32", "1e300",
            "0.0000000000000000000001", "9223372036854775807", "-9223372036854775808", "\"NaN\"", "\"Infinity\"",
            "\"1e999\"", "\"\"", "null", "true", "{}", "[]", "[[]]", "\"\\u0000\"", "\"\\ud800\""};
    private static final Object[] TIMES = {"1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1999-12-31T23:59:59Z",
            "+999999999-12-31T23:59:59Z", "2026-13-45T25:61:61Z", "2026-01-05T10:00:00", "2026-01-05T10:00:00+25:00",
            "2099-01-01T00:00:00Z", 0L, -1L, 1_767_607_200L, 1_767_607_200_000L, 253_402_300_800_000L, Long.MAX_VALUE,
            1.7e9, 1e30, -62_135_596_800L};
    private static final String[] STRINGS = {"", " ", "kWh", "W", "BTU", "Cel", "import", "export", "ENERGY_REGISTER",
            "POWER", "INTERVAL_ENERGY", "power", "NotifyStatus", "NotifyEvent", "em:0", "switch:99999", "ø", "Ω",
            "\u0000", "a\nb", "a\\b", "a\"b", "m 1", "m,1", "m=1", "😀", "\ud800", "null", "NaN", "0", "-1", "1e999",
            "urn:dev:mac:0024befffe804ff1_", "electricity", "district_heating", "plutonium"};

    private final List<JsonNode> seeds;

    FuzzedPayloads(List<String> seedTexts) {
        this.seeds = seedTexts.stream().map(text -> Json.fromString(text, JsonNode.class)).toList();
    }

    /** One payload from {@code random}: deterministic for its seed. */
    byte[] next(Random random) {
        JsonNode root = seeds.get(random.nextInt(seeds.size())).deepCopy();
        Map<String, String> raw = new java.util.HashMap<>();
        int mutations = 1 + random.nextInt(4);
        String text = Json.toString(root);
        // Mutations compound (an array multiplied inside a multiplied array): stop once the payload is as large as
        // the broker takes, so the generator's own memory stays bounded whatever the seed.
        for (int i = 0; i < mutations && text.length() <= MAX_BYTES; i++) {
            root = mutate(root, random, raw);
            text = Json.toString(root);
        }
        for (Map.Entry<String, String> e : raw.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(5) == 0) {
            bytes = damage(bytes, random);
        }
        return bytes.length > MAX_BYTES ? java.util.Arrays.copyOf(bytes, MAX_BYTES) : bytes;
    }

    private static JsonNode mutate(JsonNode root, Random random, Map<String, String> raw) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots, 0);
        if (slots.isEmpty() || random.nextInt(20) == 0) {
            return random.nextBoolean() ? NODES.arrayNode().add(root).add(root.deepCopy()) : valueFor(random, raw);
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (random.nextInt(8)) {
            case 0 -> slot.set(number(random));
            case 1 -> slot.set(rawValue(RAW_TOKENS[random.nextInt(RAW_TOKENS.length)], raw));
            case 2 -> slot.set(time(random));
            case 3 -> slot.set(NODES.textNode(string(random)));
            case 4 -> slot.remove();
            case 5 -> slot.set(valueFor(random, raw));
            case 6 -> duplicateKey(slot, random, raw);
            default -> multiply(slot, random);
        }
        return root;
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode o) {
                o.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        JsonNode value() {
            return parent instanceof ObjectNode o ? o.get(field) : parent.get(index);
        }
    }

    private static void collect(JsonNode node, List<Slot> slots, int depth) {
        if (depth > 20) {
            return;
        }
        if (node instanceof ObjectNode o) {
            for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                slots.add(new Slot(o, name, -1));
                collect(o.get(name), slots, depth + 1);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Slot(a, null, i));
                collect(a.get(i), slots, depth + 1);
            }
        }
    }

    private static JsonNode number(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.numberNode(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 10));
            case 1 -> NODES.numberNode(Double.longBitsToDouble(random.nextLong()));
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(-random.nextDouble() * 1e6);
            case 4 -> NODES.numberNode(random.nextInt(3) - 1);
            default -> NODES.numberNode(Double.MAX_VALUE * (random.nextBoolean() ? 1 : -1));
        };
    }

    private static JsonNode time(Random random) {
        Object t = TIMES[random.nextInt(TIMES.length)];
        if (t instanceof String s) {
            return NODES.textNode(s);
        }
        return t instanceof Long l ? NODES.numberNode(l) : NODES.numberNode((Double) t);
    }

    private static String string(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "x".repeat(random.nextInt(random.nextBoolean() ? 300 : 70_000));
            case 1 -> {
                StringBuilder b = new StringBuilder();
                for (int i = random.nextInt(64); i > 0; i--) {
                    b.appendCodePoint(random.nextInt(0x2FFFF));
                }
                yield b.toString();
            }
            default -> STRINGS[random.nextInt(STRINGS.length)];
        };
    }

    private static JsonNode valueFor(Random random, Map<String, String> raw) {
        return switch (random.nextInt(5)) {
            case 0 -> NODES.objectNode().put("v", 1).set("nested", NODES.objectNode().put("deeper", "x"));
            case 1 -> NODES.arrayNode().add(1).add("two").addNull();
            case 2 -> rawValue(nesting(random.nextInt(3_000)), raw);
            case 3 -> NODES.nullNode();
            default -> NODES.booleanNode(random.nextBoolean());
        };
    }

    private static String nesting(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    private static JsonNode rawValue(String text, Map<String, String> raw) {
        String key = MARK + raw.size() + "\u0001";
        raw.put("\"" + key.replace("\u0001", "\\u0001") + "\"", text);
        return NODES.textNode(key);
    }

    /** The same key twice in one object, the second with another value. */
    private static void duplicateKey(Slot slot, Random random, Map<String, String> raw) {
        if (!(slot.parent() instanceof ObjectNode o)) {
            slot.set(number(random));
            return;
        }
        JsonNode twin = random.nextBoolean() ? number(random) : NODES.textNode(string(random));
        String placeholder = "\u0001dup" + raw.size() + "\u0001";
        o.put(placeholder.replace("\u0001", "~"), "~");
        raw.put("\"" + placeholder.replace("\u0001", "~") + "\":\"~\"",
                Json.toString(NODES.textNode(slot.field())) + ":" + Json.toString(twin));
    }

    /** An array grown to many copies of an element, or a value wrapped into one: fan-out. */
    private static void multiply(Slot slot, Random random) {
        JsonNode value = slot.value();
        JsonNode element = value instanceof ArrayNode a && !a.isEmpty() ? a.get(0) : value;
        boolean small = element == null || element.isValueNode();
        int copies = 1 + random.nextInt(random.nextBoolean() ? 10 : small ? 9_000 : 300);
        // never more copies than fit in MAX_BYTES, so one mutation grows the tree to about MAX_BYTES at most
        int elementBytes = element == null ? 4 : Json.toString(element).length();
        copies = Math.min(copies, Math.max(1, MAX_BYTES / Math.max(1, elementBytes)));
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < copies; i++) {
            many.add(element == null ? NODES.nullNode() : element.deepCopy());
        }
        slot.set(many);
    }

    private static byte[] damage(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return new byte[] {(byte) random.nextInt()};
        }
        int at = random.nextInt(bytes.length);
        return switch (random.nextInt(3)) {
            case 0 -> java.util.Arrays.copyOf(bytes, at);
            case 1 -> {
                byte[] copy = bytes.clone();
                copy[at] = (byte) random.nextInt();
                yield copy;
            }
            default -> {
                byte[] noise = new byte[1 + random.nextInt(16)];
                random.nextBytes(noise);
                byte[] out = new byte[bytes.length + noise.length];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(noise, 0, out, at, noise.length);
                System.arraycopy(bytes, at, out, at + noise.length, bytes.length - at);
                yield out;
            }
        };
    }
}
