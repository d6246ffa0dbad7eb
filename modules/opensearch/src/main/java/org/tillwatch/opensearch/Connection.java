package org.tillwatch.opensearch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.reactor.ssl.TlsDetails;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;

/** The opensearch-java transport (Apache HttpClient 5) with a login and a CA to trust, and plain reasons for its failures. */
final class Connection {
    private Connection() {
    }

    static OpenSearchTransport transport(List<URI> hosts, OpenSearchAccess access) throws IOException {
        HttpHost[] http = hosts.stream().map(u -> new HttpHost(u.getScheme(), u.getHost(),
                u.getPort() > 0 ? u.getPort() : ("https".equals(u.getScheme()) ? 443 : 9200))).toArray(HttpHost[]::new);
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(http).setMapper(new JacksonJsonpMapper(mapper));
        String authorization = access.basicAuthorization();
        // sent with every request (not after a challenge): a bulk body need not be sent twice
        if (authorization != null) builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", authorization, true)});
        SSLContext ssl = access.sslContext();
        if (ssl != null) {
            builder.setHttpClientConfigCallback(client -> client.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                    .setMaxConnPerRoute(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_PER_ROUTE)
                    .setMaxConnTotal(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_TOTAL)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(ApacheHttpClient5TransportBuilder.DEFAULT_CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                            .setSocketTimeout(Timeout.of(ApacheHttpClient5TransportBuilder.DEFAULT_RESPONSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                            .build())
                    .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(ssl)
                            .setTlsDetailsFactory(engine -> new TlsDetails(engine.getSession(), engine.getApplicationProtocol())).build())
                    .build()));
        }
        return builder.build();
    }

    /** OpenSearch answered the login with 401 or 403. */
    static final class Refused extends IOException {
        final int status;

        Refused(int status) {
            super("HTTP " + status, null);
            this.status = status;
        }
    }

    private static IOException refused(String where, OpenSearchAccess access, int status) {
        return new IOException(where + " refused " + (access.username() == null ? "a request without a login"
                : "the login of user '" + access.username() + "'") + " (" + status + (status == 401 ? " Unauthorized" : " Forbidden")
                + "): check cluster.opensearch-username and the password (cluster.opensearch-password-file or "
                + "TILLWATCH_CLUSTER_OPENSEARCH_PASSWORD)" + (status == 403 ? ", and that user's permissions" : ""));
    }

    /** A one-line reason for a failed first request, naming the hosts; never the password. */
    static IOException explain(List<URI> hosts, OpenSearchAccess access, Exception e) {
        String where = "OpenSearch at " + hosts.stream().map(URI::toString).collect(Collectors.joining(", "));
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refused r) return refused(where, access, r.status);
            if (t instanceof ResponseException r && (r.status() == 401 || r.status() == 403)) {
                return refused(where, access, r.status());
            }
            if (t instanceof SSLPeerUnverifiedException) {
                return new IOException("TLS with " + where + " failed: the certificate does not name the host (" + t.getMessage()
                        + "): use the host name the certificate was issued for");
            }
            if (t instanceof SSLHandshakeException) {
                return new IOException("TLS with " + where + " failed: the server's certificate is not trusted ("
                        + t.getMessage() + "): set cluster.opensearch-ca-file to the PEM of the CA that signed it"
                        + (access.caFile() == null ? "" : " (now " + access.caFile() + ")"));
            }
            if (t instanceof SSLException) return new IOException("TLS with " + where + " failed: " + t.getMessage());
            if (t instanceof ConnectException) return new IOException("cannot reach " + where + ": " + t.getMessage());
        }
        return new IOException(where + ": " + e.getMessage(), e);
    }
}
