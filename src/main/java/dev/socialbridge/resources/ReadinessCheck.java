package dev.socialbridge.resources;

import java.util.Map;

/** Reports the readiness of the dependencies: name → problem (absent when fine). */
public interface ReadinessCheck {
    /** @return component → "UP" or a description of what is wrong */
    Map<String, String> check();
}
