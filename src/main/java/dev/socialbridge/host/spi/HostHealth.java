package dev.socialbridge.host.spi;

/** Result of a host probe: {@code up} plus a human-readable detail (never containing secrets). */
public record HostHealth(boolean up, String detail) {
}
