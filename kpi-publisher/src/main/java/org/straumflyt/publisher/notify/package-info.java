/**
 * Telling people: the publisher's second sink of the {@code alerts} topic posts each opened or closed finding to
 * configured webhooks (Slack, Teams, e-mail gateways), routed by municipality, category or kind, with retries and an
 * idempotency key, committing each record's offset once it is delivered (docs/FOLLOW-UP.md).
 */
package org.straumflyt.publisher.notify;
