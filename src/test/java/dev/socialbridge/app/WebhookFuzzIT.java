package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.inbox.InboxStatus;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short pass of the webhook fuzz harness ({@link WebhookFuzz}; {@code bash scripts/fuzz.sh} runs 10,000 per
 * connector): validly signed, structurally mutated payloads never get a 5xx, never kill or block the pipeline, and
 * a good event afterwards is ticketed on each connector.
 */
class WebhookFuzzIT {
    @Test
    void mutatedPayloadsAreAcceptedOrRefusedCleanlyAndGoodEventsStillGetTickets() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        WebhookFuzz.Report r = WebhookFuzz.run(Integer.getInteger("fuzz.n", 300), seed, Files.createTempDirectory("sb-fuzz"));
        String seen = "seed " + seed + ": " + r;
        assertEquals(0, r.serverErrors(), seen);
        assertTrue(r.alive(), seen);
        assertEquals(List.of(), r.deadReasons(), seen);
        assertEquals(0L, r.inbox().get(InboxStatus.PENDING), seen);
        assertEquals(3, r.ticketed().size(), seen);
    }
}
