package io.github.npmrcguard.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A real npm registry on loopback for tests: Verdaccio, installed through {@link NodeTools}, with one
 * private package that only an authenticated user can read.
 *
 * <p>{@link #start(Path)} gives it its own folder (config, storage, {@code htpasswd}, log), binds it to
 * {@code 127.0.0.1} on a free port and waits (bounded) until it answers. It has <b>no uplinks</b>: nothing
 * is proxied to another registry, so a client that asks it for anything else gets a 404, never the
 * internet. Every package needs a login to read or publish ({@code $authenticated}); registration is
 * closed, and the one user is written into {@code htpasswd} before start, with a password made at run
 * time. The registry then issues a token for that user ({@link #token()}, through the same
 * {@code PUT /-/user/org.couchdb.user:<name>} call as {@code npm login}) and the tarball of
 * {@value #PACKAGE}@{@value #VERSION} (made here, in Java) is published with it. Neither the password nor
 * the token is written anywhere but the registry's own folder, nor printed: {@link #toString()},
 * {@link #logTail(int)} and every failure message show fingerprints ({@link Secrets}).
 *
 * <p>Clients reach Verdaccio through a small front on {@link #url()} (a JDK HTTP server, also on
 * loopback) that forwards each request unchanged and records its method, path, answer and
 * {@code Authorization} scheme with the SHA-256 of the credential ({@link #requests()}), so that a test
 * can check what a client really sent: the token, a placeholder it failed to expand, or nothing.
 *
 * <p>{@link #close()} ends the process tree, also when a test fails; a JVM shutdown hook does it for a
 * registry nobody closed.
 */
public final class LocalRegistry implements AutoCloseable {

    /** Verdaccio 6.8.0: the last 6.x that runs on Node.js 20 (6.10 needs Node.js 22). */
    public static final String VERDACCIO_VERSION = "6.8.0";
    /** The scope whose packages the registry serves, with its {@code @}. */
    public static final String SCOPE = "@acme";
    /** The private package published at start. */
    public static final String PACKAGE = "@acme/private-lib";
    /** Its only version. */
    public static final String VERSION = "1.0.0";
    /** What the package's {@code index.js} exports, so a test can check it loaded the real thing. */
    public static final String EXPORTED = "private-lib from the loopback registry";

    private static final String USER = "npmrc-guard-test";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final Path dir;
    private final Process process;
    private final Front front;
    private final String password;
    private final String token;
    private final Secrets secrets;
    private final Thread shutdownHook;
    private final HttpClient http;

    private LocalRegistry(
            Path dir,
            Process process,
            Front front,
            String password,
            String token,
            HttpClient http,
            Thread shutdownHook) {
        this.dir = dir;
        this.process = process;
        this.front = front;
        this.password = password;
        this.token = token;
        this.secrets = Secrets.of(password, token);
        this.http = http;
        this.shutdownHook = shutdownHook;
    }

    /** How Verdaccio is installed: exact version, {@code node-fetch} pinned, every tarball from a lockfile. */
    public static NodeTools.Spec spec() {
        // node-fetch 2.7.0 keeps verdaccio-audit on a CommonJS release that Node.js 20 loads.
        return NodeTools.Spec.of("verdaccio", VERDACCIO_VERSION)
                .pin("node-fetch", "2.7.0")
                .lockfile("node-tools/verdaccio/package-lock.json");
    }

    /**
     * Installs (once per machine) and starts a registry in {@code dir}, logs in its user and publishes
     * {@value #PACKAGE}@{@value #VERSION}.
     *
     * @param dir an empty or missing folder that the registry owns until {@link #close()}
     * @throws AssertionError when node or npm is missing, the install fails, or the registry does not come
     *                        up in time; the message holds the registry's log (redacted)
     */
    public static LocalRegistry start(Path dir) throws IOException, InterruptedException {
        Path node = Processes.onPath("node", "the loopback npm registry (Verdaccio)");
        Path main = NodeTools.defaults().install(spec()).file("node_modules/verdaccio/bin/verdaccio");
        Path root = dir.toAbsolutePath().normalize();
        Files.createDirectories(root.resolve("storage"));
        Files.createDirectories(root.resolve("home"));
        String password = Secrets.random(24);
        // Registration is closed (max_users: -1), so the user is written here: {SHA} is one of the
        // htpasswd formats verdaccio-htpasswd verifies, and is made without a bcrypt library.
        Files.writeString(
                root.resolve("htpasswd"),
                USER + ":{SHA}"
                        + Base64.getEncoder().encodeToString(digest("SHA-1", password.getBytes(StandardCharsets.UTF_8)))
                        + "\n");
        HttpClient http = HttpClient.newBuilder()
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Secrets passwordOnly = Secrets.of(password);
        // The clients talk to a recording front on a port the OS picks; it forwards every request to
        // Verdaccio, which tells clients the front's URL for tarballs (VERDACCIO_PUBLIC_URL).
        Front front = Front.start(http);
        AssertionError last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = Processes.freeLoopbackPort();
            Files.writeString(root.resolve("config.yaml"), config(port));
            Path log = root.resolve("verdaccio.log");
            if (Files.exists(log)) {
                Files.move(log, root.resolve("verdaccio-" + attempt + ".log"));
            }
            ProcessBuilder pb = new ProcessBuilder(
                            node.toString(),
                            main.toString(),
                            "--config",
                            root.resolve("config.yaml").toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Processes.nullDevice()));
            // Nothing of the caller's environment: no proxy, no VERDACCIO_* or NODE_OPTIONS surprises.
            pb.environment().clear();
            pb.environment().put("PATH", Processes.childPath(node));
            pb.environment().put("HOME", root.resolve("home").toString());
            pb.environment().put("NODE_ENV", "production");
            pb.environment().put("VERDACCIO_PUBLIC_URL", front.url());
            Process process = pb.start();
            Thread hook = new Thread(
                    () -> {
                        Processes.killTree(process, Duration.ofSeconds(2));
                        front.stop();
                    },
                    "stop the registry at " + front.url());
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                awaitReady(http, process, port, log, passwordOnly);
                front.forwardTo("http://127.0.0.1:" + port + "/");
                String token = login(http, front.url(), password);
                LocalRegistry registry = new LocalRegistry(root, process, front, password, token, http, hook);
                registry.publishFixture();
                return registry;
            } catch (AssertionError | IOException | RuntimeException e) {
                Processes.killTree(process, Duration.ofSeconds(5));
                removeHook(hook);
                String logText = Files.exists(log) ? Files.readString(log) : "";
                if (!logText.contains("EADDRINUSE")) { // only a lost race for the port is worth a retry
                    front.stop();
                    throw e instanceof AssertionError a
                            ? a
                            : new AssertionError(
                                    passwordOnly.redact("Verdaccio on 127.0.0.1:" + port + " failed: " + e) + "\nlog:\n"
                                            + passwordOnly.redact(Processes.tail(log, 40)),
                                    e);
                }
                last = new AssertionError("port " + port + " was taken", e);
            } catch (InterruptedException e) {
                Processes.killTree(process, Duration.ofSeconds(5));
                removeHook(hook);
                front.stop();
                throw e;
            }
        }
        front.stop();
        throw new AssertionError("Verdaccio could not bind a free port in " + START_ATTEMPTS + " attempts", last);
    }

    private static String config(int port) {
        // JSON is YAML: no indentation to get wrong, and every string quoted.
        return """
                {
                  "storage": "./storage",
                  "auth": {"htpasswd": {"file": "./htpasswd", "max_users": -1}},
                  "uplinks": {},
                  "packages": {
                    "@acme/*": {"access": "$authenticated", "publish": "$authenticated"},
                    "**": {"access": "$authenticated", "publish": "$authenticated"}
                  },
                  "listen": "127.0.0.1:%d",
                  "web": {"enable": false},
                  "publish": {"allow_offline": true},
                  "log": {"type": "stdout", "format": "pretty", "level": "http"}
                }
                """
                .formatted(port);
    }

    private static void awaitReady(HttpClient http, Process process, int port, Path log, Secrets redact)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI ping = URI.create("http://127.0.0.1:" + port + "/-/ping");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Verdaccio exited (code " + process.exitValue() + ") before it answered on"
                        + " 127.0.0.1:" + port + "\nlog:\n" + redact.redact(Processes.tail(log, 40)));
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(ping)
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Verdaccio did not answer on 127.0.0.1:" + port + " within "
                + START_TIMEOUT.toSeconds() + " s\nlog:\n" + redact.redact(Processes.tail(log, 40)));
    }

    /** {@code npm login}'s call: verdaccio answers an authenticated PUT for the same user with a token. */
    private static String login(HttpClient http, String url, String password) throws IOException, InterruptedException {
        String body = "{\"_id\":\"org.couchdb.user:" + USER + "\",\"name\":\"" + USER + "\",\"password\":\"" + password
                + "\",\"type\":\"user\",\"roles\":[]}";
        String basic = Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url + "-/user/org.couchdb.user:" + USER))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + basic)
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Secrets redact = Secrets.of(password);
        if (r.statusCode() != 201) {
            throw new AssertionError(
                    "login to Verdaccio failed: HTTP " + r.statusCode() + " " + redact.redact(r.body()));
        }
        Object token;
        try {
            token = JsonReader.at(JsonReader.parse(r.body()), "token");
        } catch (IllegalArgumentException e) {
            throw new AssertionError("login to Verdaccio answered no JSON token (body not shown: it may hold one)");
        }
        if (!(token instanceof String t) || t.isBlank()) {
            throw new AssertionError("login to Verdaccio answered no token");
        }
        return t;
    }

    private void publishFixture() throws IOException, InterruptedException {
        String packageJson = "{\n  \"name\": \"" + PACKAGE + "\",\n  \"version\": \"" + VERSION + "\",\n"
                + "  \"description\": \"Fixture: a private package on the loopback test registry\",\n"
                + "  \"main\": \"index.js\",\n  \"license\": \"UNLICENSED\"\n}\n";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("package/package.json", packageJson.getBytes(StandardCharsets.UTF_8));
        files.put("package/index.js", ("module.exports = \"" + EXPORTED + "\";\n").getBytes(StandardCharsets.UTF_8));
        byte[] tgz = tgz(files);
        String tarballName = PACKAGE.substring(PACKAGE.indexOf('/') + 1) + "-" + VERSION + ".tgz";
        String document = "{\"_id\":\"" + PACKAGE + "\",\"name\":\"" + PACKAGE + "\","
                + "\"dist-tags\":{\"latest\":\"" + VERSION + "\"},"
                + "\"versions\":{\"" + VERSION + "\":{\"name\":\"" + PACKAGE + "\",\"version\":\"" + VERSION + "\","
                + "\"main\":\"index.js\",\"license\":\"UNLICENSED\",\"_id\":\"" + PACKAGE + "@" + VERSION + "\","
                + "\"dist\":{\"shasum\":\"" + HexFormat.of().formatHex(digest("SHA-1", tgz)) + "\","
                + "\"integrity\":\"sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", tgz)) + "\","
                + "\"tarball\":\"" + url() + PACKAGE + "/-/" + tarballName + "\"}}},"
                + "\"access\":null,"
                + "\"_attachments\":{\"" + PACKAGE + "-" + VERSION + ".tgz\":{"
                + "\"content_type\":\"application/octet-stream\","
                + "\"data\":\"" + Base64.getEncoder().encodeToString(tgz) + "\",\"length\":" + tgz.length + "}}}";
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url() + encodedPackage()))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .PUT(HttpRequest.BodyPublishers.ofString(document))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("publishing " + PACKAGE + "@" + VERSION + " failed: HTTP " + r.statusCode() + " "
                    + secrets.redact(r.body()) + "\nlog:\n" + logTail(20));
        }
    }

    /** A gzipped POSIX ustar archive of these files (mode 644, npm's fixed mtime), as {@code npm pack} makes. */
    static byte[] tgz(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                byte[] header = new byte[512];
                put(header, 0, 100, f.getKey());
                put(header, 100, 8, "0000644");
                put(header, 108, 8, "0000000");
                put(header, 116, 8, "0000000");
                put(header, 124, 12, String.format("%011o", f.getValue().length));
                put(header, 136, 12, String.format("%011o", 499162500L)); // 1985-10-26, as npm pack writes
                put(header, 148, 8, "        "); // the checksum counts its own field as spaces
                header[156] = '0';
                put(header, 257, 6, "ustar");
                put(header, 263, 2, "00");
                int sum = 0;
                for (byte b : header) {
                    sum += b & 0xff;
                }
                put(header, 148, 8, String.format("%06o", sum) + "\0 ");
                gz.write(header);
                gz.write(f.getValue());
                gz.write(new byte[(512 - f.getValue().length % 512) % 512]);
            }
            gz.write(new byte[1024]); // two zero blocks end the archive
        }
        return bytes.toByteArray();
    }

    private static void put(byte[] header, int offset, int length, String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        if (b.length > length) {
            throw new IllegalArgumentException("tar field too long: " + value);
        }
        System.arraycopy(b, 0, header, offset, b.length);
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and runs the hook anyway
        }
    }

    private static String encodedPackage() {
        return PACKAGE.replace("/", "%2f");
    }

    /** The registry URL, {@code http://127.0.0.1:<port>/}, with its trailing slash. */
    public String url() {
        return front.url();
    }

    /** The user the token belongs to. */
    public String user() {
        return USER;
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return front.port();
    }

    /**
     * The nerf dart of {@link #url()}, the prefix of its auth keys in {@code .npmrc}:
     * {@code //127.0.0.1:<port>/} (no scheme, trailing slash).
     */
    public String nerfDart() {
        return "//127.0.0.1:" + port() + "/";
    }

    /**
     * The user's token, for a client's environment ({@code NPM_TOKEN}) and nowhere else: never put it in
     * a message or a committed file. {@link #tokenFingerprint()} names it.
     */
    public String token() {
        return token;
    }

    /** The first 8 hex digits of the token's SHA-256, to identify it in output. */
    public String tokenFingerprint() {
        return Secrets.fingerprint(token);
    }

    /** The registry's secrets (password and token), to redact output or scan folders with. */
    public Secrets secrets() {
        return secrets;
    }

    /** The registry's log file (Verdaccio's output, HTTP requests included). */
    public Path log() {
        return dir.resolve("verdaccio.log");
    }

    /** The last lines of the log, with the password and token redacted: safe for a failure message. */
    public String logTail(int lines) {
        return secrets.redact(Processes.tail(log(), lines));
    }

    /**
     * The HTTP status of a GET of {@code path} (relative to {@link #url()}, e.g. {@code @acme%2fprivate-lib}),
     * with the token as {@code Bearer} or without any {@code Authorization} header.
     */
    public int get(String path, boolean withToken) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(REQUEST_TIMEOUT)
                .GET();
        if (withToken) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Whether the Verdaccio process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The Verdaccio process, e.g. to check that {@link #close()} ended it and its children. */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    /**
     * Every request the registry has received so far, in order (also those of {@link #get} and of the
     * start-up), with how it was authenticated. A test can take {@code requests().size()} before a client
     * runs and look at the requests after that index.
     */
    public List<Request> requests() {
        return front.requests();
    }

    /** Ends the registry's process tree (SIGTERM, then SIGKILL after 5 s) and its front. Idempotent. */
    @Override
    public void close() {
        Processes.killTree(process, Duration.ofSeconds(5));
        front.stop();
        removeHook(shutdownHook);
    }

    /** The URL and the token's fingerprint; never a secret. */
    @Override
    public String toString() {
        return "LocalRegistry[" + url() + ", user " + USER + ", token sha256:" + tokenFingerprint() + "]";
    }

    /**
     * One request the registry received.
     *
     * @param method           the HTTP method
     * @param path             the raw path and query, e.g. {@code /@acme%2fprivate-lib}
     * @param scheme           the {@code Authorization} scheme ({@code Bearer}, {@code Basic}), or
     *                         {@code null} when the request had no such header
     * @param credentialSha256 the SHA-256 (hex) of the credential after the scheme, or {@code null}: the
     *                         credential itself is never kept
     * @param status           the registry's answer
     */
    public record Request(String method, String path, String scheme, String credentialSha256, int status) {

        /** Whether the request had no {@code Authorization} header. */
        public boolean anonymous() {
            return scheme == null;
        }

        /** Whether it carried {@code Bearer <value>}. */
        public boolean bearer(String value) {
            return "Bearer".equalsIgnoreCase(scheme) && sha256Hex(value).equals(credentialSha256);
        }

        /** Whether its path is under the package {@code name} (metadata or tarball). */
        public boolean isFor(String name) {
            String encoded = "/" + name.replace("/", "%2f");
            String p = path.toLowerCase(Locale.ROOT);
            return p.startsWith(encoded) || p.startsWith("/" + name.toLowerCase(Locale.ROOT) + "/");
        }

        /** Method, path, status and the scheme with the credential's fingerprint; never a credential. */
        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " ("
                    + (anonymous()
                            ? "no Authorization"
                            : scheme + " sha256:" + (credentialSha256 == null ? "-" : credentialSha256.substring(0, 8)))
                    + ")";
        }
    }

    private static String sha256Hex(String value) {
        return HexFormat.of().formatHex(digest("SHA-256", value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A loopback HTTP server in front of Verdaccio: forwards each request as it is and records how it was
     * authenticated. Hop-by-hop headers are left out both ways; bodies are passed as bytes (compressed
     * ones too).
     */
    private static final class Front {
        private static final Set<String> HOP_BY_HOP = Set.of(
                "connection",
                "content-length",
                "expect",
                "host",
                "upgrade",
                "keep-alive",
                "proxy-connection",
                "te",
                "trailer",
                "transfer-encoding",
                "date");

        private final HttpServer server;
        private final ExecutorService executor;
        private final HttpClient http;
        private final List<Request> requests = new ArrayList<>();
        private volatile String backend;

        private Front(HttpServer server, ExecutorService executor, HttpClient http) {
            this.server = server;
            this.executor = executor;
            this.http = http;
        }

        static Front start(HttpClient http) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "registry-front");
                t.setDaemon(true);
                return t;
            });
            Front front = new Front(server, executor, http);
            server.createContext("/", front::handle);
            server.setExecutor(executor);
            server.start();
            return front;
        }

        String url() {
            return "http://127.0.0.1:" + port() + "/";
        }

        int port() {
            return server.getAddress().getPort();
        }

        void forwardTo(String url) {
            this.backend = url;
        }

        synchronized List<Request> requests() {
            return List.copyOf(requests);
        }

        void stop() {
            server.stop(0);
            executor.shutdownNow();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String method = exchange.getRequestMethod();
                URI uri = exchange.getRequestURI();
                String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                String scheme = null;
                String credential = null;
                if (authorization != null) {
                    int space = authorization.indexOf(' ');
                    scheme = space < 0 ? authorization : authorization.substring(0, space);
                    credential = space < 0 ? null : sha256Hex(authorization.substring(space + 1));
                }
                int status = 502;
                byte[] body = new byte[0];
                HttpResponse<byte[]> response = null;
                String target = backend;
                if (target != null) {
                    byte[] requestBody = exchange.getRequestBody().readAllBytes();
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + path.substring(1)))
                            .timeout(REQUEST_TIMEOUT)
                            .method(
                                    method,
                                    requestBody.length == 0
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofByteArray(requestBody));
                    exchange.getRequestHeaders().forEach((name, values) -> {
                        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                            values.forEach(v -> b.header(name, v));
                        }
                    });
                    try {
                        response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        status = response.statusCode();
                        body = response.body();
                    } catch (IOException e) {
                        body = ("registry front: " + e.getClass().getSimpleName()).getBytes(StandardCharsets.UTF_8);
                    }
                }
                synchronized (this) {
                    requests.add(new Request(method, path, scheme, credential, status));
                }
                if (response != null) {
                    response.headers().map().forEach((name, values) -> {
                        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                            exchange.getResponseHeaders().put(name, values);
                        }
                    });
                }
                boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || body.length == 0;
                exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
                if (!noBody) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
