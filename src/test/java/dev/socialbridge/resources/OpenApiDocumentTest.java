package dev.socialbridge.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
    private static final List<Class<?>> RESOURCES = List.of(HealthResource.class, AdminResource.class,
            KpiResource.class, MetricsResource.class, MediaResource.class, OpenApiResource.class,
            RedirectResource.class, LinkAdminResource.class, LeadResource.class, PeopleResource.class,
            AttributionReportResource.class, ConversionResource.class, ReportResource.class, AssetsResource.class);
    private final ObjectNode doc = OpenApiDocument.of(RESOURCES, "1.2.3");

    @Test
    void everyAnnotatedOperationIsDocumentedWithItsParameters() {
        assertEquals("3.0.3", doc.path("openapi").asText());
        assertEquals("1.2.3", doc.path("info").path("version").asText());
        JsonNode retry = doc.path("paths").path("/admin/inbox/{id}/retry").path("post");
        assertFalse(retry.isMissingNode(), doc.path("paths").toString());
        JsonNode id = retry.path("parameters").get(0);
        assertEquals("id", id.path("name").asText());
        assertEquals("path", id.path("in").asText());
        assertEquals("integer", id.path("schema").path("type").asText());
        JsonNode kpis = doc.path("paths").path("/admin/kpis").path("get");
        List<String> query = new ArrayList<>();
        kpis.path("parameters").forEach(p -> query.add(p.path("name").asText()));
        assertEquals(List.of("from", "to", "group", "format"), query);
        assertTrue(kpis.path("responses").path("200").path("content").has("text/csv"));
    }

    @Test
    void adminPathsNeedTheTokenAndOthersDoNot() {
        doc.path("paths").fields().forEachRemaining(e -> e.getValue().fields().forEachRemaining(op -> {
            if (op.getKey().equals("parameters")) {
                return;
            }
            boolean secured = op.getValue().has("security");
            assertEquals(e.getKey().startsWith("/admin"), secured, op.getKey() + " " + e.getKey());
        }));
    }

    @Test
    void webhooksAreDocumentedWithTheirErrors() {
        JsonNode post = doc.path("paths").path("/webhooks/{connector}").path("post");
        assertEquals("#/components/schemas/ErrorMessage",
                post.path("responses").path("401").path("content").path("application/json").path("schema").path("$ref").asText());
        assertTrue(doc.path("paths").path("/webhooks/{connector}/{endpoint}").has("get"));
    }

    @Test
    void everyPathTemplateVariableIsAPathParameterAndOperationIdsAreUnique() {
        Pattern var = Pattern.compile("\\{([^}]+)}");
        Set<String> ids = new HashSet<>();
        doc.path("paths").fields().forEachRemaining(e -> {
            Set<String> vars = new HashSet<>();
            Matcher m = var.matcher(e.getKey());
            while (m.find()) {
                vars.add(m.group(1));
            }
            e.getValue().fields().forEachRemaining(op -> {
                if (op.getKey().equals("parameters")) {
                    return;
                }
                Set<String> declared = new HashSet<>();
                op.getValue().path("parameters").forEach(p -> {
                    if (p.path("in").asText().equals("path")) {
                        declared.add(p.path("name").asText());
                    }
                });
                e.getValue().path("parameters").forEach(p -> declared.add(p.path("name").asText()));
                assertEquals(vars, declared, op.getKey() + " " + e.getKey());
                assertTrue(ids.add(op.getValue().path("operationId").asText()), "duplicate operationId at " + e.getKey());
            });
        });
    }
}
