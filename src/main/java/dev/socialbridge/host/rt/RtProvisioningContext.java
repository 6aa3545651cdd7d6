package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** State of one provisioning run: dry run or not, the plugin queues found, the findings so far. */
final class RtProvisioningContext {
    final RtClient client;
    final RtApplyHelper helper;
    final boolean write;
    final String apiUserRef;
    /** Existing plugin queues by label: their JSON lists the custom fields applied to them. */
    final Map<String, JsonNode> queues = new LinkedHashMap<>();
    final List<RtFinding> findings = new ArrayList<>();

    RtProvisioningContext(RtClient client, RtApplyHelper helper, boolean write, String apiUserRef) {
        this.client = client;
        this.helper = helper;
        this.write = write;
        this.apiUserRef = apiUserRef;
    }

    void add(RtFinding finding) {
        findings.add(finding);
    }

    /** Re-reads a plugin queue (after the apply helper changed what is applied to it). */
    void refreshQueue(String label) {
        queues.put(label, client.get("/queue/" + RtClient.segment(label)));
    }
}
