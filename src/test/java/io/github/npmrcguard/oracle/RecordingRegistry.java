package io.github.npmrcguard.oracle;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback registry that answers every packument request with a minimal packument and records the
 * {@code Authorization} header each request carried, by the package asked for (the oracle names a package
 * after its case and client, see {@link OracleCase#packageName}). Headers hold secrets: they are kept in
 * memory only and never printed.
 */
public final class RecordingRegistry implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("(o\\d+x[a-z0-9]+)");

    /** One request: the header, or null when the request carried none. */
    public record Request(String path, String authorization) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "recording-registry");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<Request>> byPackage = new ConcurrentHashMap<>();

    public RecordingRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** The requests made for a package (its unscoped name, e.g. {@code o12xnpm}), in order; removes them. */
    public List<Request> take(String name) {
        List<Request> r = byPackage.remove(name);
        return r == null ? List.of() : r;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Matcher m = NAME.matcher(path);
            if (!m.find()) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String name = m.group(1);
            byPackage
                    .computeIfAbsent(name, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new Request(path, ex.getRequestHeaders().getFirst("Authorization")));
            if (path.endsWith(".tgz")) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            int scopeAt = path.indexOf("@sc/");
            String full = scopeAt >= 0 ? "@sc/" + name : name;
            String tarball = "http://127.0.0.1:" + port() + "/" + name + "/-/" + name + "-1.0.0.tgz";
            String body = "{\"name\":\"" + full + "\",\"dist-tags\":{\"latest\":\"1.0.0\"},\"versions\":{\"1.0.0\":"
                    + "{\"name\":\"" + full
                    + "\",\"version\":\"1.0.0\",\"description\":\"oracle\",\"dist\":{\"tarball\":\""
                    + tarball + "\",\"shasum\":\"0000000000000000000000000000000000000000\"}}},"
                    + "\"time\":{\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
                    + "\"1.0.0\":\"2026-01-01T00:00:00.000Z\"}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
