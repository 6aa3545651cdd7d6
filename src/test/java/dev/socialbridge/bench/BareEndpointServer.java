package dev.socialbridge.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The reference for the ingest benchmark: a bare Jersey-on-Grizzly POST endpoint, same stack and
 * worker pool as the plugin's server, that reads the body and answers 200. Usage: {@code BareEndpointServer PORT}.
 */
public final class BareEndpointServer {
    private BareEndpointServer() {
    }

    /** Reads the body, answers a small JSON. */
    @Path("/webhooks/{any: .+}")
    public static final class Hello {
        @POST
        @Consumes(MediaType.WILDCARD)
        @Produces(MediaType.APPLICATION_JSON)
        public String receive(byte[] body) {
            return "{\"status\":\"accepted\"}";
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + port + "/"),
                new ResourceConfig().register(Hello.class), false);
        for (NetworkListener l : server.getListeners()) {
            l.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                    .setCorePoolSize(16).setMaxPoolSize(16).setPoolName("http-worker"));
        }
        server.start();
        System.out.println("bare endpoint listening on " + port);
        Thread.currentThread().join();
    }
}
