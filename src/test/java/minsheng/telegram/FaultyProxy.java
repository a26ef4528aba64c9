package minsheng.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sits between the bot and a {@link FakeBotApi} on 127.0.0.1 and breaks the connection the way networks and servers
 * do: answers 500 to everything for a while, stalls, drops connections (a getUpdates mid-response; any other call
 * before the server acted on it, as that is the only drop after which exactly-once delivery can be expected),
 * answers 429 with retry_after, returns garbage instead of JSON, and restarts — refusing connections for a while,
 * then serving on the same port and delivering the last batch of updates again, as a server that lost the bot's
 * confirmation would. It also notes when each reply to a chat passed through, for latency from server to server.
 */
final class FaultyProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI upstream;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    private final int port;
    private volatile HttpServer server;

    // Faults, guarded by this.
    private long failUntil;
    private final Map<String, Integer> garbage = new HashMap<>();
    private final Map<String, Integer> drops = new HashMap<>();
    private final Map<String, Integer> stalls = new HashMap<>();
    private final Map<String, Integer> tooMany = new HashMap<>();
    private long stallMillis;
    private boolean replayNext;
    private ArrayNode lastDelivered = JSON.createArrayNode();
    private final Map<Long, List<Long>> replyNanos = new HashMap<>();
    private int faultsServed;
    private int replayed;

    FaultyProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Every call answers {@code 500} until {@code duration} has passed. */
    synchronized FaultyProxy failFor(Duration duration) {
        failUntil = System.nanoTime() + duration.toNanos();
        return this;
    }

    synchronized FaultyProxy garbage(String method, int times) {
        garbage.merge(method.toLowerCase(Locale.ROOT), times, Integer::sum);
        return this;
    }

    synchronized FaultyProxy drop(String method, int times) {
        drops.merge(method.toLowerCase(Locale.ROOT), times, Integer::sum);
        return this;
    }

    /** The next calls get no answer for {@code stall}; then the connection is closed. */
    synchronized FaultyProxy stall(String method, int times, Duration stall) {
        stalls.merge(method.toLowerCase(Locale.ROOT), times, Integer::sum);
        stallMillis = stall.toMillis();
        return this;
    }

    /** The next calls get 429 with retry_after 1. */
    synchronized FaultyProxy tooMany(String method, int times) {
        tooMany.merge(method.toLowerCase(Locale.ROOT), times, Integer::sum);
        return this;
    }

    /** Stops listening (connections are refused) for {@code down}, then serves again on the same port. */
    FaultyProxy restart(Duration down) throws IOException, InterruptedException {
        server.stop(0);
        Thread.sleep(down.toMillis());
        synchronized (this) {
            replayNext = true;
        }
        server = listen(port);
        return this;
    }

    /** When each message sent to a chat passed through, accepted by the server, in order. */
    synchronized List<Long> replyNanos(long chat) {
        return List.copyOf(replyNanos.getOrDefault(chat, List.of()));
    }

    /** How many updates were delivered a second time after a restart. */
    synchronized int replayed() {
        return replayed;
    }

    /** How many faults were actually served. */
    synchronized int faultsServed() {
        return faultsServed;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        s.setExecutor(threads);
        s.createContext("/", this::serve);
        s.start();
        return s;
    }

    private static boolean take(Map<String, Integer> faults, String method) {
        Integer left = faults.get(method);
        if (left == null || left <= 0) {
            return false;
        }
        faults.put(method, left - 1);
        return true;
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            byte[] body = ex.getRequestBody().readAllBytes();
            boolean updates = method.equals("getupdates");
            boolean fail;
            boolean garbled;
            boolean dropped;
            boolean stalled;
            boolean limited;
            long stallFor;
            synchronized (this) {
                fail = System.nanoTime() < failUntil;
                garbled = !fail && take(garbage, method);
                dropped = !fail && !garbled && take(drops, method);
                stalled = !fail && !garbled && !dropped && take(stalls, method);
                limited = !fail && !garbled && !dropped && !stalled && take(tooMany, method);
                stallFor = stallMillis;
                if (fail || garbled || dropped || stalled || limited) {
                    faultsServed++;
                }
            }
            if (fail) {
                respond(ex, 500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
                return;
            }
            if (limited) {
                respond(ex, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                        + "\"parameters\":{\"retry_after\":1}}");
                return;
            }
            if (stalled) {
                Thread.sleep(stallFor);
                return; // closed without an answer
            }
            if (!updates && (garbled || dropped)) {
                // Before the server acted: the call may be resent safely.
                if (garbled) {
                    respond(ex, 200, "<html>502 Bad Gateway</html>{\"ok\":tru");
                }
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(ex.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(70));
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                request.header("Content-Type", type);
            }
            request.method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] answer = response.body();
            if (updates && response.statusCode() == 200) {
                answer = updates(answer);
            }
            if (updates && garbled) {
                respond(ex, 200, "{\"ok\":true,\"result\":[{\"update_id\":");
                return;
            }
            if (updates && dropped) {
                ex.sendResponseHeaders(200, answer.length);
                OutputStream out = ex.getResponseBody();
                out.write(answer, 0, answer.length / 2);
                out.flush(); // closed short: the client sees the body cut off
                return;
            }
            if (method.equals("sendmessage") && response.statusCode() == 200) {
                long chat = JSON.readTree(body).path("chat_id").asLong();
                synchronized (this) {
                    replyNanos.computeIfAbsent(chat, k -> new ArrayList<>()).add(System.nanoTime());
                }
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(response.statusCode(), answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the bot hung up, or a cut-off answer: nothing to do
        }
    }

    /** Remembers the batch delivered; after a restart, delivers the last one again beside anything new. */
    private synchronized byte[] updates(byte[] answer) throws IOException {
        JsonNode parsed = JSON.readTree(answer);
        if (!(parsed.path("result") instanceof ArrayNode result)) {
            return answer;
        }
        if (replayNext) {
            replayNext = false;
            TreeMap<Integer, JsonNode> merged = new TreeMap<>();
            lastDelivered.forEach(u -> merged.put(u.path("update_id").asInt(), u));
            replayed += lastDelivered.size();
            result.forEach(u -> merged.put(u.path("update_id").asInt(), u));
            ArrayNode all = JSON.createArrayNode();
            merged.values().forEach(all::add);
            ((ObjectNode) parsed).set("result", all);
            result = all;
        }
        if (!result.isEmpty()) {
            lastDelivered = result.deepCopy();
        }
        return JSON.writeValueAsBytes(parsed);
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
