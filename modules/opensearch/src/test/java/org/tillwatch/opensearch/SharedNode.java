package org.tillwatch.opensearch;

/**
 * One {@link OpenSearchTestNode} for every test class of this JVM (started on first use, stopped at exit): a node
 * takes ~15 s to start. Each class isolates itself with its own index prefix.
 */
public final class SharedNode {
    private static OpenSearchTestNode node;

    private SharedNode() {
    }

    public static synchronized OpenSearchTestNode get() {
        if (node == null) {
            node = OpenSearchTestNode.start();
            OpenSearchTestNode started = node;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "opensearch-test-node-stop"));
        }
        return node;
    }
}
