package org.tillwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertingConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTheDocumentedOnes() {
        AlertingConfig a = CollectorConfig.defaults().alerting();
        assertThat(a.threshold()).isEqualTo(0.99);
        assertThat(a.window()).isEqualTo(Duration.ofMinutes(30));
        assertThat(a.smtpHost()).isNull();
        assertThat(a.hotlineAddresses()).isEmpty();
        assertThat(CollectorConfig.defaults().describe()).contains("alerting:\n  threshold: 99%\n  hysteresis: 0.5%\n");
    }

    @Test
    void fileAndEnvironmentSetAlerting() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), """
                alerting:
                  threshold: 97.5%
                  smtp-host: mail.example.org
                  smtp-tls: STARTTLS
                  hotline: "duty@example.org, lead@example.org"
                  smtp-password-file: secret.txt
                """);
        CollectorConfig c = CollectorConfig.load(file, Map.of("TILLWATCH_ALERTING_SMTP_PORT", "2525",
                "TILLWATCH_ALERTING_PENDING", "0s", "TILLWATCH_ALERTING_FOLD_SHARE", "0.5"));
        AlertingConfig a = c.alerting();
        assertThat(a.threshold()).isEqualTo(0.975);
        assertThat(a.smtpTls()).isEqualTo("starttls");
        assertThat(a.smtpPort()).isEqualTo(2525);
        assertThat(a.pending()).isZero();
        assertThat(a.foldShare()).isEqualTo(0.5);
        assertThat(a.hotlineAddresses()).containsExactly("duty@example.org", "lead@example.org");
        assertThat(a.smtpPasswordFile()).isEqualTo(dir.resolve("secret.txt").toAbsolutePath().normalize());
    }

    @Test
    void badValuesAreAllReportedWithTheirKeys() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                alerting:
                  threshold: 120%
                  smtp-tls: ssl
                  smtp-host: mail.example.org
                  webhook-url: ftp://x
                  daily-quiet: "25:00"
                """);
        assertThatThrownBy(() -> CollectorConfig.load(file, Map.of("TILLWATCH_ALERTING_THRESHOLD", "lots")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TILLWATCH_ALERTING_THRESHOLD: alerting.threshold: expected a percentage")
                .hasMessageContaining("alerting.smtp-tls: must be one of [none, starttls, tls], got 'ssl'")
                .hasMessageContaining("alerting.hotline: must name at least one address when smtp-host is set")
                .hasMessageContaining("alerting.webhook-url: must be an http:// or https:// URL")
                .hasMessageContaining("alerting.daily-quiet: must be a local time");
    }
}
