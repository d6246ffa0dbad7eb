package org.tillwatch.alerting.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.config.AlertingConfig;
import org.tillwatch.domain.model.StoreRegistry;

/** Real SMTP (GreenMail in this JVM, with a login): what the hot-line's mailbox gets. */
class EmailNotifierTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("duty@example.org", "duty", "s3cret"));

    final Vertx vertx = Vertx.vertx();
    final StoreRegistry registry = StoreRegistry.parse("""
            code,name,format,region,timezone,opens,closes
            37S0,Pyaterochka №37,PYATEROCHKA,Samara,Europe/Samara,07:00,23:00
            """, ZoneId.of("Europe/Moscow"));

    @AfterEach
    void close() {
        vertx.close();
    }

    AlertingConfig config(String user) {
        AlertingConfig c = AlertingConfig.defaults().withHotline("duty@example.org, lead@example.org")
                .withSmtp("127.0.0.1", mail.getSmtp().getPort());
        return new AlertingConfig(c.threshold(), c.hysteresis(), c.minVolume(), c.minFailed(), c.window(), c.recoveryWindow(),
                c.baselineWindow(), c.drop(), c.pending(), c.recoveryPending(), c.chainMinVolume(), c.foldStores(), c.foldShare(),
                c.missingMin(), c.registerSilence(), c.repeatInterval(), c.evaluateEvery(), c.stallAfter(), c.notifierFailures(),
                "https://tillwatch.example.org/", c.smtpHost(), c.smtpPort(), "none", user, null, null, "alerts@example.org",
                c.hotline(), null, null);
    }

    static Incident incident(Instant resolved) {
        return new Incident("inc-7", "store_availability", "37S0", List.of("37S0"), Incident.Severity.CRITICAL,
                Instant.parse("2026-11-20T10:00:00Z"), resolved, resolved == null ? Incident.IncidentState.OPEN : Incident.IncidentState.RESOLVED,
                null, new Incident.Impact(17, 10), "x");
    }

    @Test
    void anIncidentEmailIsMultipartRussianThenEnglishWithTheStoreLink() throws Exception {
        EmailNotifier n = new EmailNotifier(vertx, config("duty"), "s3cret", registry);
        n.deliver(new IncidentNotice(41, IncidentNotice.Type.OPENED, incident(null), null, Instant.now()));
        n.deliver(new IncidentNotice(42, IncidentNotice.Type.RESOLVED, incident(Instant.parse("2026-11-20T10:40:00Z")), null, Instant.now()));
        n.deliver(new IncidentNotice(43, IncidentNotice.Type.UPDATED, incident(null), null, Instant.now())); // not for the inbox
        MimeMessage[] got = mail.getReceivedMessages();
        assertThat(got).hasSize(4); // two messages, two recipients each
        MimeMessage opened = null;
        for (MimeMessage m : got) if (m.getSubject().startsWith("[CRITICAL]")) opened = m;
        assertThat(opened).isNotNull();
        assertThat(opened.getSubject()).isEqualTo("[CRITICAL] Лояльность: магазин 37S0 — доступность 41% (с 14:00 / since 14:00)");
        assertThat(opened.getHeader("Message-ID")[0]).isEqualTo("<notice-41.inc-7@example.org>");
        String text = part(opened, "text/plain");
        String html = part(opened, "text/html");
        assertThat(text).isNotNull();
        assertThat(html).isNotNull();
        assertThat(text.indexOf("Что: новый инцидент")).isLessThan(text.indexOf("What: new incident")).isNotNegative();
        assertThat(text).contains("37S0 (Pyaterochka №37)", "10 из 17", "10 of 17", "https://tillwatch.example.org/ui/stores/37S0");
        assertThat(html).contains("<a href=\"https://tillwatch.example.org/ui/stores/37S0\">");
        MimeMessage resolved = null;
        for (MimeMessage m : got) if (m.getSubject().startsWith("[RESOLVED]")) resolved = m;
        assertThat(resolved).isNotNull();
        assertThat(resolved.getSubject()).isEqualTo("[RESOLVED] Лояльность: магазин 37S0 — доступность 41% (14:00–14:40)");
        assertThat(part(resolved, "text/plain")).contains("Длительность: 40 мин", "Duration: 40 min", "14:40 (Europe/Samara)");
    }

    static String part(MimeMessage m, String type) throws Exception {
        MimeMultipart parts = (MimeMultipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.isMimeType(type)) return (String) p.getContent();
        }
        return null;
    }

    @Test
    void aRefusedLoginIsAFailureTheOutboxRetries() {
        EmailNotifier n = new EmailNotifier(vertx, config("duty"), "wrong", registry);
        assertThatThrownBy(() -> n.deliver(new IncidentNotice(1, IncidentNotice.Type.OPENED, incident(null), null, Instant.now())))
                .isInstanceOf(Exception.class);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void noSmtpServerIsAFailureWithTheReason() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AlertingConfig c = config(null).withSmtp("127.0.0.1", port);
        EmailNotifier n = new EmailNotifier(vertx, c, null, registry);
        assertThatThrownBy(() -> n.deliver(new IncidentNotice(1, IncidentNotice.Type.OPENED, incident(null), null, Instant.now())))
                .hasMessageContaining("Connection refused");
    }
}
