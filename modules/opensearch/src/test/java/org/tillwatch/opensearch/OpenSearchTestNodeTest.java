package org.tillwatch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class OpenSearchTestNodeTest {

    @Test
    void aStartedNodeAnswersOverHttpAndIsGoneAfterClose() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String url;
        try (OpenSearchTestNode node = OpenSearchTestNode.start()) {
            url = node.url();
            HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(url + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(root.statusCode()).isEqualTo(200);
            assertThat(root.body()).contains("\"distribution\" : \"opensearch\"");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/_cluster/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).containsPattern("\"status\":\"(green|yellow)\"");
        }
        try {
            http.send(HttpRequest.newBuilder(URI.create(url + "/")).build(), HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("the node still answers after close");
        } catch (java.io.IOException expected) {
            assertThat(expected).isNotNull();
        }
    }
}
