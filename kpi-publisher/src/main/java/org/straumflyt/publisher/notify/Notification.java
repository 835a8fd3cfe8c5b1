package org.straumflyt.publisher.notify;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.straumflyt.model.Alert;
import org.straumflyt.model.AlertEvent;
import org.straumflyt.model.wire.Json;

/**
 * The body posted for a finding: {@code text} (what Slack and Teams incoming webhooks show; e-mail gateways take it
 * as the mail body), {@code title} (Teams' card title, the mail subject), the {@code idempotencyKey}, and the whole
 * {@code alert} record for receivers that want the figures.
 */
public final class Notification {
    private Notification() {
    }

    /** Whether people are told of this revision: an opening or a closing. */
    public static boolean tells(Alert alert) {
        return alert != null && (alert.event() == AlertEvent.OPENED || alert.event() == AlertEvent.CLOSED);
    }

    public static String title(Alert a) {
        String what = a.kind().wireName().replace('_', ' ');
        return (a.event() == AlertEvent.CLOSED ? "Closed: " : "New finding: ") + what + " at " + a.buildingId()
                + (a.meterId() == null ? "" : " (meter " + a.meterId() + ")");
    }

    public static String text(Alert a) {
        if (a.event() == AlertEvent.CLOSED) {
            return String.format(Locale.ROOT, "%s — ended %s (it began %s). It was: %s", title(a), a.until(),
                    a.since(), a.summary());
        }
        return title(a) + " — " + a.summary();
    }

    /** The JSON body. */
    public static byte[] body(Alert a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text(a));
        body.put("title", title(a));
        body.put("idempotencyKey", a.idempotencyKey());
        body.put("alert", a);
        return Json.toBytes(body);
    }
}
