package org.tillwatch.alerting.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.config.AlertingConfig;
import org.tillwatch.domain.model.StoreRegistry;

/**
 * SMTP over TLS: GreenMail's SMTPS with a certificate made here for 127.0.0.1 (as a relay with a private CA has),
 * trusted through {@code alerting.smtp-ca-file}; host names are verified.
 */
class EmailTlsTest {
    static final Path KEYS;

    static {
        try {
            KEYS = Files.createTempDirectory("relay-tls");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(keytool, "-genkeypair", "-alias", "relay", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-storetype", "PKCS12",
                    "-keystore", KEYS.resolve("relay.p12").toString(), "-storepass", "changeit", "-keypass", "changeit");
            run(keytool, "-exportcert", "-rfc", "-alias", "relay", "-keystore", KEYS.resolve("relay.p12").toString(),
                    "-storepass", "changeit", "-file", KEYS.resolve("relay-ca.pem").toString());
            System.setProperty("greenmail.tls.keystore.file", KEYS.resolve("relay.p12").toString());
            System.setProperty("greenmail.tls.keystore.password", "changeit");
            System.setProperty("greenmail.tls.key.password", "changeit");
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
    }

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort());

    final Vertx vertx = Vertx.vertx();
    final StoreRegistry registry = StoreRegistry.empty(ZoneId.of("Europe/Moscow"));

    @AfterEach
    void close() {
        vertx.close();
    }

    Path greenMailCertificate() {
        return KEYS.resolve("relay-ca.pem");
    }

    AlertingConfig tls(Path ca) {
        return AlertingConfig.defaults().withHotline("duty@example.org").withSmtp("127.0.0.1", mail.getSmtps().getPort())
                .withSmtpSecurity("tls", null, null, ca);
    }

    @Test
    void sendsOverTlsToARelayItTrusts() throws Exception {
        EmailNotifier n = new EmailNotifier(vertx, tls(greenMailCertificate()), null, registry);
        n.deliver(new IncidentNotice(5, IncidentNotice.Type.OPENED, EmailNotifierTest.incident(null), null, Instant.now()));
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(mail.getReceivedMessages()[0].getSubject()).startsWith("[CRITICAL] Лояльность: магазин 37S0");
    }

    @Test
    void refusesARelayItDoesNotTrust() {
        EmailNotifier n = new EmailNotifier(vertx, tls(null), null, registry);
        assertThatThrownBy(() -> n.deliver(new IncidentNotice(6, IncidentNotice.Type.OPENED, EmailNotifierTest.incident(null), null, Instant.now())))
                .isInstanceOf(Exception.class);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }
}
