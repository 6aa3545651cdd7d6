package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socialbridge.host.spi.ProvisioningPlan;
import dev.socialbridge.host.spi.ProvisioningPlan.Status;
import dev.socialbridge.host.spi.ProvisioningPlan.Step;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code uninstall} prints: each part removed, absent or failed, and that tickets and fields stay. */
class PlanPrinterTest {

    @Test
    void anUninstallSaysWhatWentWhatWasNotThereAndWhatStays() {
        ProvisioningPlan plan = new ProvisioningPlan(List.of(
                new Step("workplace", "field-groupings", "Conversation, Technical", Status.REMOVED,
                        "removed for 5 queue(s); database row 7 disabled (nothing else in it)"),
                new Step("workplace", "priority-names", "Low, Hot", Status.ABSENT, "nothing to remove")));
        StringWriter text = new StringWriter();

        PlanPrinter.printRemoval(new PrintWriter(text), plan, false);

        assertEquals("""
                Uninstall result:
                  removed    workplace         field-groupings              Conversation, Technical  -- removed for 5 queue(s); database row 7 disabled (nothing else in it)
                  absent     workplace         priority-names               Low, Hot  -- nothing to remove
                0 to remove, 1 removed, 1 not present, 0 failed
                Tickets, queues, custom fields and their values are left as they are; install puts the rest back.
                """, text.toString().replace(System.lineSeparator(), "\n"));
    }
}
