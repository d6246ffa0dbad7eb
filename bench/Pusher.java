import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A lean load client for bench/push.sh (JDK only, run as {@code java bench/Pusher.java}): the requests of
 * {@code tillwatch replay} are recorded once, then sent again with as little client work as possible, so that on a
 * 2-core machine the collector, not the client, gets the CPU.
 *
 * <ul>
 *   <li>{@code record CAPTURE}: a stand-in collector on 127.0.0.1 (prints {@code listening on URL}) that answers every
 *       push 202 and appends it (register, offset, file headers, body) to CAPTURE in arrival order, until SIGTERM.</li>
 *   <li>{@code push URL CAPTURE CONCURRENCY}: sends CAPTURE's requests in their order over CONCURRENCY keep-alive
 *       HTTP/1.1 connections (bodies by sendfile from the page cache), each register's requests one at a time and in order,
 *       waiting out 503 as {@code X-Tillwatch-Retry-After-Ms} says. Prints the figures the way replay does.
 *       {@code --rebase}: the registers already have pushed bytes (an earlier day, e.g. a warm-up): first asks the
 *       collector each register's offset, as a shipper does when it starts, and adds it to the recorded offsets.</li>
 * </ul>
 */
public final class Pusher {
    record Req(String store, String register, long offset, String file, boolean eof, long at, int length) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("record")) {
            record(Path.of(args[1]));
        } else if ((args.length == 4 || args.length == 5 && args[4].equals("--rebase")) && args[0].equals("push")) {
            push(URI.create(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), args.length == 5);
        } else {
            System.err.println("usage: java bench/Pusher.java record CAPTURE | push URL CAPTURE CONCURRENCY [--rebase]");
            System.exit(2);
        }
    }

    static void record(Path capture) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(capture.toFile()), 1 << 20));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/api/v1/ingest/", ex -> {
            String[] p = ex.getRequestURI().getPath().split("/");
            byte[] body = ex.getRequestBody().readAllBytes();
            String off = ex.getRequestHeaders().getFirst("X-Tillwatch-Offset");
            long offset = off == null ? -1 : Long.parseLong(off);
            String file = ex.getRequestHeaders().getFirst("X-Tillwatch-File");
            boolean eof = "true".equals(ex.getRequestHeaders().getFirst("X-Tillwatch-End-Of-File"));
            synchronized (out) {
                out.writeUTF(p[4]);
                out.writeUTF(p[5]);
                out.writeLong(offset);
                out.writeUTF(file == null ? "" : file);
                out.writeBoolean(eof);
                out.writeInt(body.length);
                out.write(body);
            }
            byte[] answer = ("{\"offset\":" + (offset + body.length) + "}").getBytes(StandardCharsets.US_ASCII);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(202, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            synchronized (out) {
                try {
                    out.close();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }));
        server.start();
        System.out.println("listening on http://127.0.0.1:" + server.getAddress().getPort());
        System.out.flush();
    }

    static List<Req> index(Path capture) throws IOException {
        List<Req> reqs = new ArrayList<>();
        try (InputStream in = new FileInputStream(capture.toFile());
             CountingInput counting = new CountingInput(new java.io.BufferedInputStream(in, 1 << 16));
             DataInputStream data = new DataInputStream(counting)) {
            while (true) {
                String store;
                try {
                    store = data.readUTF();
                } catch (EOFException end) {
                    break;
                }
                String register = data.readUTF();
                long offset = data.readLong();
                String file = data.readUTF();
                boolean eof = data.readBoolean();
                int length = data.readInt();
                reqs.add(new Req(store, register, offset, file, eof, counting.count, length));
                data.skipNBytes(length);
            }
        }
        return reqs;
    }

    static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += k;
            return k;
        }
    }

    static void push(URI server, Path capture, int concurrency, boolean rebase) throws Exception {
        long t0 = System.nanoTime();
        List<Req> reqs = rebase ? rebase(server, index(capture), concurrency) : index(capture);
        AtomicInteger next = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        AtomicLong waitedMs = new AtomicLong();
        // 503s by the wait they asked for: <=50, <=100, <=250, <=500, >500 ms
        java.util.concurrent.atomic.AtomicLongArray waits = new java.util.concurrent.atomic.AtomicLongArray(5);
        // Each register's requests go in their recorded order: a request waits for the register's previous one, not
        // only for none of the register's to be in flight (a later one taken by a faster thread would get 409).
        int[] previous = new int[reqs.size()];
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < reqs.size(); i++) {
            Integer p = last.put(reqs.get(i).store() + "/" + reqs.get(i).register(), i);
            previous[i] = p == null ? -1 : p;
        }
        boolean[] done = new boolean[reqs.size()];
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        try (FileChannel file = FileChannel.open(capture, StandardOpenOption.READ)) {
            for (int w = 0; w < concurrency; w++) {
                Thread t = new Thread(() -> {
                    try (Connection c = new Connection(server)) {
                        for (int i; (i = next.getAndIncrement()) < reqs.size(); ) {
                            Req r = reqs.get(i);
                            synchronized (done) {
                                while (previous[i] >= 0 && !done[previous[i]]) done.wait();
                            }
                            try {
                                while (true) {
                                    long wait = c.send(r, file);
                                    if (wait < 0) break;
                                    retries.incrementAndGet();
                                    long ms = Math.clamp(wait, 10, 1000);
                                    waitedMs.addAndGet(ms);
                                    waits.incrementAndGet(ms <= 50 ? 0 : ms <= 100 ? 1 : ms <= 250 ? 2 : ms <= 500 ? 3 : 4);
                                    Thread.sleep(ms);
                                }
                            } finally {
                                synchronized (done) {
                                    done[i] = true;
                                    done.notifyAll();
                                }
                            }
                            sent.addAndGet(r.length());
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                        next.set(reqs.size());
                    }
                }, "push-" + w);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) t.join();
        }
        if (!failures.isEmpty()) {
            failures.get(0).printStackTrace();
            System.exit(1);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "Sent / отправлено: %d bytes (%.2f MB) in %d chunks / порций%n", sent.get(), sent.get() / 1e6, reqs.size());
        System.out.printf("Retries after 503 / повторы после 503: %d%n", retries.get());
        System.out.printf("Waited after 503 / ожидание после 503: %d ms in all; "
                        + "hints <=50 ms %d, <=100 %d, <=250 %d, <=500 %d, >500 %d%n",
                waitedMs.get(), waits.get(0), waits.get(1), waits.get(2), waits.get(3), waits.get(4));
        System.out.printf(Locale.ROOT, "Elapsed / затрачено: %.2f s, %.2f MB/s%n", seconds, sent.get() / 1e6 / seconds);
    }

    /** The requests with each register's recorded offsets moved by what the collector already has of that register. */
    static List<Req> rebase(URI server, List<Req> reqs, int concurrency) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .executor(pool).build();
        Map<String, java.util.concurrent.CompletableFuture<Long>> have = new HashMap<>();
        java.util.regex.Pattern offset = java.util.regex.Pattern.compile("\"offset\":(\\d+)");
        for (Req r : reqs) {
            have.computeIfAbsent(r.store() + "/" + r.register(), key -> http.sendAsync(
                    java.net.http.HttpRequest.newBuilder(server.resolve("/api/v1/ingest/" + key)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).thenApply(resp -> {
                        java.util.regex.Matcher m = offset.matcher(resp.body());
                        if (resp.statusCode() != 200 || !m.find()) throw new IllegalStateException(key + ": " + resp.statusCode() + " " + resp.body());
                        return Long.parseLong(m.group(1));
                    }));
        }
        List<Req> out = new ArrayList<>(reqs.size());
        for (Req r : reqs) {
            long base = have.get(r.store() + "/" + r.register()).get();
            out.add(r.offset() < 0 ? r : new Req(r.store(), r.register(), r.offset() + base, r.file(), r.eof(), r.at(), r.length()));
        }
        pool.shutdown(); // its threads would keep the JVM alive
        return out;
    }

    /** One keep-alive HTTP/1.1 connection; {@link #send} returns -1 for 2xx, else the milliseconds to wait before a retry (503). */
    static final class Connection implements AutoCloseable {
        private final URI server;
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private SocketChannel ch;

        Connection(URI server) {
            this.server = server;
        }

        long send(Req r, FileChannel file) throws IOException {
            if (ch == null) {
                ch = SocketChannel.open(new InetSocketAddress(server.getHost(), server.getPort()));
                ch.socket().setTcpNoDelay(true);
            }
            StringBuilder h = new StringBuilder(256).append("POST /api/v1/ingest/").append(r.store()).append('/').append(r.register())
                    .append(" HTTP/1.1\r\nHost: ").append(server.getHost()).append(':').append(server.getPort())
                    .append("\r\nContent-Type: application/octet-stream\r\nContent-Length: ").append(r.length());
            if (r.offset() >= 0) h.append("\r\nX-Tillwatch-Offset: ").append(r.offset());
            if (!r.file().isEmpty()) h.append("\r\nX-Tillwatch-File: ").append(r.file());
            if (r.eof()) h.append("\r\nX-Tillwatch-End-Of-File: true");
            ByteBuffer head = ByteBuffer.wrap(h.append("\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            while (head.hasRemaining()) ch.write(head);
            long at = r.at(), end = r.at() + r.length();
            while (at < end) at += file.transferTo(at, end - at, ch);
            return response(r);
        }

        private long response(Req r) throws IOException {
            in.clear();
            int headEnd;
            while ((headEnd = headEnd()) < 0) {
                if (!in.hasRemaining()) throw new IOException("response head over 64 KiB");
                if (ch.read(in) < 0) throw new IOException("connection closed");
            }
            String head = new String(in.array(), 0, headEnd, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.substring(9, 12));
            long length = 0;
            long retryMs = 1000;
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) continue;
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (name.equals("content-length")) length = Long.parseLong(value);
                if (name.equals("x-tillwatch-retry-after-ms")) retryMs = Long.parseLong(value);
            }
            long have = in.position() - (headEnd + 4);
            ByteBuffer body = ByteBuffer.allocate((int) length);
            body.put(in.array(), headEnd + 4, (int) Math.min(have, length));
            while (body.hasRemaining()) if (ch.read(body) < 0) throw new IOException("connection closed");
            if (status / 100 == 2) return -1;
            if (status == 503) return retryMs;
            throw new IOException("HTTP " + status + " for " + r.store() + "/" + r.register() + " at offset " + r.offset()
                    + ": " + new String(body.array(), StandardCharsets.UTF_8));
        }

        private int headEnd() {
            byte[] a = in.array();
            for (int i = 3; i < in.position(); i++) {
                if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') return i - 3;
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            if (ch != null) ch.close();
        }
    }
}
