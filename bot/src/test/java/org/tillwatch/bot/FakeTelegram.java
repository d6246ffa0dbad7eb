package org.tillwatch.bot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the Telegram Bot API: {@code /bot<token>/<method>} for getMe, deleteWebhook, getUpdates (long
 * polling, short waits), sendMessage, editMessageText, answerCallbackQuery and setMyCommands. It records every call, lets
 * a test play users typing and pressing buttons, and can play Telegram being down (502) for a while.
 */
public final class FakeTelegram implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One Bot API call as the bot made it. */
    public record Call(String method, JsonNode params, long nanos) {
        public String text() {
            return params.path("text").asText("");
        }

        public long chat() {
            return params.path("chat_id").asLong();
        }

        /** The id the stand-in gave a sent message, or the id of the message edited. */
        public long messageId() {
            return params.has("_message_id") ? params.get("_message_id").asLong() : params.path("message_id").asLong();
        }
    }

    private final HttpServer server;
    private final String token;
    private final List<Call> calls = new ArrayList<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final AtomicLong nextUpdate = new AtomicLong(1);
    private final AtomicLong nextMessage = new AtomicLong(1000);
    private final AtomicInteger callbackIds = new AtomicInteger();
    private volatile boolean down;

    public FakeTelegram(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-telegram");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void down(boolean down) {
        this.down = down;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                reply(ex, 401, JSON.createObjectNode().put("ok", false).put("error_code", 401).put("description", "Unauthorized"));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT);
            JsonNode params = params(ex);
            if (method.equals("sendmessage") && params instanceof ObjectNode o) o.put("_message_id", nextMessage.incrementAndGet());
            synchronized (this) {
                calls.add(new Call(method, params, System.nanoTime()));
                notifyAll();
            }
            if (down) {
                reply(ex, 502, JSON.createObjectNode().put("ok", false).put("error_code", 502).put("description", "Bad Gateway"));
                return;
            }
            JsonNode result = switch (method) {
                case "getme" -> JSON.createObjectNode().put("id", 4242).put("is_bot", true).put("first_name", "tillwatch").put("username", "tillwatch_bot");
                case "getupdates" -> updates(params.path("offset").asLong(0));
                case "sendmessage", "editmessagetext" -> message(params);
                default -> JSON.getNodeFactory().booleanNode(true); // deleteWebhook, answerCallbackQuery, setMyCommands
            };
            ObjectNode body = JSON.createObjectNode().put("ok", true);
            body.set("result", result);
            reply(ex, 200, body);
        }
    }

    private JsonNode message(JsonNode params) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", params.has("message_id") ? params.get("message_id").asLong() : params.get("_message_id").asLong());
        m.put("date", System.currentTimeMillis() / 1000);
        m.putObject("chat").put("id", params.path("chat_id").asLong()).put("type", params.path("chat_id").asLong() < 0 ? "group" : "private");
        m.put("text", params.path("text").asText());
        return m;
    }

    private JsonNode updates(long offset) {
        long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
        synchronized (this) {
            while (true) {
                ArrayNode out = JSON.createArrayNode();
                for (ObjectNode u : updates) if (u.get("update_id").asLong() >= offset) out.add(u);
                long left = deadline - System.nanoTime();
                if (!out.isEmpty() || left <= 0) return out;
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    return out;
                }
            }
        }
    }

    private static JsonNode params(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        if (body.length == 0) return JSON.createObjectNode();
        if (type.contains("json")) return JSON.readTree(body);
        ObjectNode n = JSON.createObjectNode();
        for (String kv : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) n.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return n;
    }

    private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] b = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static ObjectNode user(long id, String username) {
        ObjectNode u = JSON.createObjectNode().put("id", id).put("is_bot", false).put("first_name", "User" + id);
        if (username != null) u.put("username", username);
        return u;
    }

    /** A user types {@code text} in a chat (their private chat when {@code chat == user}). */
    public synchronized void type(long user, String username, long chat, String text) {
        ObjectNode u = JSON.createObjectNode().put("update_id", nextUpdate.getAndIncrement());
        ObjectNode m = u.putObject("message").put("message_id", nextMessage.incrementAndGet()).put("date", System.currentTimeMillis() / 1000);
        m.set("from", user(user, username));
        m.putObject("chat").put("id", chat).put("type", chat < 0 ? "group" : "private");
        m.put("text", text);
        if (text.startsWith("/")) m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", text.split(" ")[0].length());
        updates.add(u);
        notifyAll();
    }

    /** A user presses a button with {@code data} under message {@code messageId}; returns the callback query id. */
    public synchronized String press(long user, String username, long chat, long messageId, String data) {
        String id = "cb" + callbackIds.incrementAndGet();
        ObjectNode u = JSON.createObjectNode().put("update_id", nextUpdate.getAndIncrement());
        ObjectNode q = u.putObject("callback_query").put("id", id).put("chat_instance", "ci").put("data", data);
        q.set("from", user(user, username));
        ObjectNode m = q.putObject("message").put("message_id", messageId).put("date", System.currentTimeMillis() / 1000).put("text", "…");
        m.putObject("chat").put("id", chat).put("type", chat < 0 ? "group" : "private");
        updates.add(u);
        notifyAll();
        return id;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    /** Waits for a call of {@code method} ("a|b": either) matching {@code test} made after the first {@code after} calls. */
    public Call await(String method, Predicate<Call> test, int after, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (int i = after; i < calls.size(); i++) {
                    Call c = calls.get(i);
                    if (java.util.Arrays.stream(method.split("\\|")).anyMatch(c.method()::equalsIgnoreCase) && test.test(c)) return c;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + method + " matching within " + timeout + "; calls: "
                            + calls.subList(after, calls.size()).stream().filter(c -> !c.method().equals("getupdates"))
                            .map(c -> c.method() + " " + c.params()).limit(10).toList());
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public synchronized int mark() {
        return calls.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
