package dev.socialbridge.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.0 document of the HTTP API, built from the JAX-RS annotations of the resources the server registers
 * (so it cannot drift from the code) plus the webhook endpoints, which Grizzly serves directly. Paths under
 * {@code /admin} require the admin bearer token; every error is an {@code ErrorMessage} JSON body.
 */
public final class OpenApiDocument {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GET.class, "get", POST.class, "post",
            PUT.class, "put", DELETE.class, "delete");

    private OpenApiDocument() {
    }

    /** The document for {@code resources} (JAX-RS resource classes), with {@code version} as the API version. */
    public static ObjectNode of(List<Class<?>> resources, String version) {
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", "3.0.3");
        doc.putObject("info").put("title", "Social Bridge").put("version", version)
                .put("description", "Webhooks from the social platforms, the admin API and the health and metrics"
                        + " endpoints of a Social Bridge instance.");
        Map<String, ObjectNode> paths = new TreeMap<>();
        for (Class<?> resource : resources) {
            Path classPath = resource.getAnnotation(Path.class);
            Method[] methods = resource.getMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method m : methods) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path methodPath = m.getAnnotation(Path.class);
                String path = join(classPath == null ? "" : classPath.value(), methodPath == null ? "" : methodPath.value());
                ObjectNode item = paths.computeIfAbsent(path, p -> JSON.objectNode());
                item.set(verb, operation(resource, m, path));
            }
        }
        webhooks(paths);
        ObjectNode out = doc.putObject("paths");
        paths.forEach(out::set);
        ObjectNode components = doc.putObject("components");
        components.putObject("securitySchemes").putObject("adminToken").put("type", "http").put("scheme", "bearer")
                .put("description", "socialbridge.admin.token");
        ObjectNode error = components.putObject("schemas").putObject("ErrorMessage").put("type", "object");
        ObjectNode props = error.putObject("properties");
        props.putObject("code").put("type", "integer").put("description", "the HTTP status");
        props.putObject("message").put("type", "string").put("description", "what is wrong, in one sentence");
        props.putObject("details").put("description", "more: the fields in error, the accepted values...");
        error.putArray("required").add("code").add("message");
        return doc;
    }

    private static ObjectNode operation(Class<?> resource, Method m, String path) {
        ObjectNode op = JSON.objectNode();
        op.put("operationId", resource.getSimpleName().replace("Resource", "") + "_" + m.getName());
        op.put("summary", words(m.getName()));
        op.putArray("tags").add(path.startsWith("/admin") ? "admin" : path.split("/")[1]);
        ArrayNode params = JSON.arrayNode();
        String body = null;
        for (Parameter p : m.getParameters()) {
            if (p.isAnnotationPresent(PathParam.class)) {
                params.add(param(p.getAnnotation(PathParam.class).value(), "path", p, true));
            } else if (p.isAnnotationPresent(QueryParam.class)) {
                params.add(param(p.getAnnotation(QueryParam.class).value(), "query", p, false));
            } else if (p.isAnnotationPresent(HeaderParam.class)) {
                params.add(param(p.getAnnotation(HeaderParam.class).value(), "header", p, false));
            } else if (!p.isAnnotationPresent(Context.class) && !hasJaxRsAnnotation(p)) {
                body = p.getType().getSimpleName();
            }
        }
        if (!params.isEmpty()) {
            op.set("parameters", params);
        }
        if (body != null) {
            ObjectNode content = op.putObject("requestBody").put("required", true)
                    .put("description", body).putObject("content");
            for (String type : mediaTypes(m.getAnnotation(Consumes.class), resource.getAnnotation(Consumes.class))) {
                content.putObject(type).putObject("schema").put("type", "object");
            }
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200").put("description", "OK").putObject("content");
        for (String type : mediaTypes(m.getAnnotation(Produces.class), resource.getAnnotation(Produces.class))) {
            if (!MediaType.WILDCARD.equals(type)) {
                ok.putObject(type);
            }
        }
        responses.set("4XX", errorResponse("bad request, unauthenticated, not found or invalid input"));
        if (path.startsWith("/admin")) {
            op.putArray("security").addObject().putArray("adminToken");
        }
        return op;
    }

    /** {@code /webhooks/{connector}[/{endpoint}]}: verification handshake (GET) and signed events (POST). */
    private static void webhooks(Map<String, ObjectNode> paths) {
        for (String path : List.of(WebhookHandler.PATH + "/{connector}", WebhookHandler.PATH + "/{connector}/{endpoint}")) {
            ObjectNode item = JSON.objectNode();
            ArrayNode params = item.putArray("parameters");
            params.addObject().put("name", "connector").put("in", "path").put("required", true)
                    .put("description", "meta, whatsapp, telegram, ...").putObject("schema").put("type", "string");
            if (path.endsWith("{endpoint}")) {
                params.addObject().put("name", "endpoint").put("in", "path").put("required", true)
                        .put("description", "the connector's endpoint, e.g. a Telegram bot's name")
                        .putObject("schema").put("type", "string");
            }
            String suffix = path.endsWith("{endpoint}") ? "AtEndpoint" : "";
            ObjectNode get = item.putObject("get").put("operationId", "webhookHandshake" + suffix)
                    .put("summary", "subscription handshake (e.g. Meta hub.challenge)");
            get.putArray("tags").add("webhooks");
            get.putObject("responses").putObject("200").put("description", "the challenge echoed, text/plain");
            ObjectNode post = item.putObject("post").put("operationId", "webhookEvent" + suffix)
                    .put("summary", "a signed platform event: journaled durably, then acknowledged");
            post.putArray("tags").add("webhooks");
            post.putObject("requestBody").put("required", true).put("description", "the platform's own payload,"
                    + " verified with its signature or secret header").putObject("content")
                    .putObject("application/json").putObject("schema").put("type", "object");
            ObjectNode responses = post.putObject("responses");
            responses.putObject("200").put("description", "stored durably; will be processed");
            responses.set("401", errorResponse("signature or secret missing or wrong"));
            responses.set("404", errorResponse("no such connector or endpoint"));
            responses.set("413", errorResponse("body larger than socialbridge.http.max-body-bytes"));
            responses.set("503", errorResponse("overloaded or the journal cannot write: retry later"));
            paths.put(path, item);
        }
    }

    private static ObjectNode errorResponse(String description) {
        ObjectNode r = JSON.objectNode().put("description", description);
        r.putObject("content").putObject(MediaType.APPLICATION_JSON).putObject("schema")
                .put("$ref", "#/components/schemas/ErrorMessage");
        return r;
    }

    private static ObjectNode param(String name, String in, Parameter p, boolean required) {
        ObjectNode node = JSON.objectNode().put("name", name).put("in", in).put("required", required);
        Class<?> t = p.getType();
        String type = t == long.class || t == int.class || t == Long.class || t == Integer.class ? "integer"
                : t == boolean.class || t == Boolean.class ? "boolean" : "string";
        node.putObject("schema").put("type", type);
        return node;
    }

    private static boolean hasJaxRsAnnotation(Parameter p) {
        return Arrays.stream(p.getAnnotations())
                .anyMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.ws.rs"));
    }

    private static List<String> mediaTypes(Produces method, Produces type) {
        Produces p = method != null ? method : type;
        return p == null ? List.of(MediaType.APPLICATION_JSON) : List.of(p.value());
    }

    private static List<String> mediaTypes(Consumes method, Consumes type) {
        Consumes c = method != null ? method : type;
        return c == null ? List.of(MediaType.APPLICATION_JSON) : List.of(c.value());
    }

    private static String verb(Method m) {
        for (Map.Entry<Class<? extends Annotation>, String> e : VERBS.entrySet()) {
            if (m.isAnnotationPresent(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code retryInbox} → {@code retry inbox}. */
    private static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
