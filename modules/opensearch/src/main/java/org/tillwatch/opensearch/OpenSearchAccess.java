package org.tillwatch.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How to reach a production OpenSearch: an HTTP Basic login and the CA certificate(s) to trust over TLS. The password
 * is only held here, never printed: {@link #toString} masks it.
 *
 * @param username the login, or null for none
 * @param password its password (non-null exactly when {@code username} is)
 * @param caFile   PEM file of the CA certificate(s) to trust, or null for the JVM's default trust store
 */
public record OpenSearchAccess(String username, String password, Path caFile) {
    /** No login, the JVM's default trust (a local or test OpenSearch over plain http). */
    public static final OpenSearchAccess NONE = new OpenSearchAccess(null, null, null);

    public OpenSearchAccess {
        if ((username == null) != (password == null)) throw new IllegalArgumentException("a login needs both a username and a password");
        if (password != null && password.isEmpty()) throw new IllegalArgumentException("the OpenSearch password is empty");
    }

    /**
     * The login of the {@code cluster} section: the password from {@code passwordFile} (its first line) when given, else
     * from the environment variable {@code envName}.
     *
     * @throws IOException naming the file or the variable when the password cannot be had
     */
    public static OpenSearchAccess of(String username, Path passwordFile, Path caFile, Map<String, String> env, String envName)
            throws IOException {
        if (username == null) return new OpenSearchAccess(null, null, caFile);
        String password;
        if (passwordFile != null) {
            try {
                String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
                int eol = text.indexOf('\n');
                password = (eol < 0 ? text : text.substring(0, eol)).strip();
            } catch (NoSuchFileException e) {
                throw new IOException("cluster.opensearch-password-file " + passwordFile + " does not exist");
            } catch (IOException e) {
                throw new IOException("cannot read cluster.opensearch-password-file " + passwordFile + ": " + e.getMessage());
            }
            if (password.isEmpty()) throw new IOException("cluster.opensearch-password-file " + passwordFile + " is empty");
        } else {
            password = env.get(envName);
            if (password == null || password.isEmpty()) {
                throw new IOException("cluster.opensearch-username is set but there is no password: set " + envName
                        + " or cluster.opensearch-password-file");
            }
        }
        return new OpenSearchAccess(username, password, caFile);
    }

    /** The {@code Authorization} header value, or null without a login. */
    String basicAuthorization() {
        if (username == null) return null;
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A TLS context trusting only the CA file's certificates, or null to keep the JVM's default trust. */
    SSLContext sslContext() throws IOException {
        if (caFile == null) return null;
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new IOException("cluster.opensearch-ca-file " + caFile + " does not exist");
        } catch (GeneralSecurityException e) {
            throw new IOException("cluster.opensearch-ca-file " + caFile + " is not a PEM certificate: " + e.getMessage());
        }
        if (certificates.isEmpty()) throw new IOException("cluster.opensearch-ca-file " + caFile + " holds no PEM certificate");
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate c : certificates) trust.setCertificateEntry("ca-" + n++, c);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust cluster.opensearch-ca-file " + caFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "OpenSearchAccess[username=" + username + ", password=" + (password == null ? "none" : "******") + ", caFile=" + caFile + "]";
    }
}
