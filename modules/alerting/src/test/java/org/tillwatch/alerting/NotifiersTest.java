package org.tillwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.config.AlertingConfig;
import org.tillwatch.domain.model.StoreRegistry;

/** The channels the configuration asks for, and where the SMTP password comes from. */
class NotifiersTest {
    @TempDir
    Path dir;

    final StoreRegistry registry = StoreRegistry.empty(ZoneId.of("UTC"));

    @Test
    void emailAndWebhookWhenConfigured() {
        Vertx vertx = Vertx.vertx();
        try {
            assertThat(Notifiers.fromConfig(AlertingConfig.defaults(), registry, Map.of(), vertx)).isEmpty();
            AlertingConfig both = AlertingConfig.defaults().withHotline("duty@example.org").withSmtp("127.0.0.1", 2525)
                    .withWebhook("http://127.0.0.1:9/hook");
            assertThat(Notifiers.fromConfig(both, registry, Map.of(), vertx)).extracting(Notifier::name).containsExactly("email", "webhook");
        } finally {
            vertx.close();
        }
    }

    @Test
    void thePasswordComesFromItsFileOrTheEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("smtp-password"), "s3cret\n");
        AlertingConfig base = AlertingConfig.defaults().withHotline("duty@example.org").withSmtp("127.0.0.1", 2525);
        AlertingConfig withFile = base.withSmtpSecurity("starttls", "duty", file, null);
        assertThat(Notifiers.password(withFile, Map.of(Notifiers.PASSWORD_ENV, "other"))).isEqualTo("s3cret");
        assertThat(Notifiers.password(base, Map.of(Notifiers.PASSWORD_ENV, "from-env"))).isEqualTo("from-env");
        AlertingConfig missing = base.withSmtpSecurity("starttls", "duty", dir.resolve("absent"), null);
        assertThatThrownBy(() -> Notifiers.password(missing, Map.of())).hasMessageContaining("alerting.smtp-password-file");
    }
}
