/**
 * In-process operational telemetry: counters and histograms that the webhook handler and the outbox dispatchers
 * update as they work, rendered with the store's gauges on {@code /metrics} in Prometheus text format.
 */
package dev.socialbridge.telemetry;
