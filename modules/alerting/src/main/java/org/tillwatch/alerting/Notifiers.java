package org.tillwatch.alerting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vertx.core.Vertx;
import org.tillwatch.alerting.email.EmailNotifier;
import org.tillwatch.alerting.webhook.WebhookNotifier;
import org.tillwatch.config.AlertingConfig;
import org.tillwatch.domain.model.StoreRegistry;

/** The channels the configuration asks for: email when {@code smtp-host} is set, the webhook when its URL is. */
public final class Notifiers {
    /** The SMTP password, when it is not in {@code alerting.smtp-password-file}. */
    public static final String PASSWORD_ENV = "TILLWATCH_SMTP_PASSWORD";

    private Notifiers() {
    }

    public static List<Notifier> fromConfig(AlertingConfig config, StoreRegistry registry, Map<String, String> env, Vertx vertx) {
        List<Notifier> out = new ArrayList<>();
        if (config.smtpHost() != null) out.add(new EmailNotifier(vertx, config, password(config, env), registry));
        if (config.webhookUrl() != null) out.add(new WebhookNotifier(URI.create(config.webhookUrl())));
        return out;
    }

    static String password(AlertingConfig config, Map<String, String> env) {
        if (config.smtpPasswordFile() != null) {
            try {
                return Files.readString(config.smtpPasswordFile()).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read alerting.smtp-password-file " + config.smtpPasswordFile(), e);
            }
        }
        return env.get(PASSWORD_ENV);
    }
}
