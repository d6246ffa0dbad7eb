package org.tillwatch.alerting.email;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.alerting.IncidentNotice.Type;
import org.tillwatch.alerting.Notifier;
import org.tillwatch.config.AlertingConfig;
import org.tillwatch.domain.model.StoreRegistry;

/**
 * Email to the hot-line through Vert.x's SMTP client: one email when an incident opens, one per repeat, one when it
 * is resolved (acknowledgements, silences and folded stores are in the API, not in the inbox). Multipart text + HTML.
 * The {@code Message-ID} is derived from the notice's sequence, so a re-sent notice is recognisably the same email.
 */
public final class EmailNotifier implements Notifier {
    private static final Set<Type> SENT = Set.of(Type.OPENED, Type.REPEATED, Type.RESOLVED);

    private final MailClient client;
    private final AlertingConfig config;
    private final StoreRegistry registry;
    private final List<String> to;

    public EmailNotifier(Vertx vertx, AlertingConfig config, String password, StoreRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.to = config.hotlineAddresses();
        if (config.smtpHost() == null || to.isEmpty()) throw new IllegalArgumentException("email needs alerting.smtp-host and alerting.hotline");
        MailConfig mc = new MailConfig().setHostname(config.smtpHost()).setPort(config.smtpPort()).setKeepAlive(true)
                .setConnectTimeout(5000);
        switch (config.smtpTls()) {
            case "tls" -> mc.setSsl(true).setStarttls(StartTLSOptions.DISABLED);
            case "starttls" -> mc.setStarttls(StartTLSOptions.REQUIRED);
            default -> mc.setStarttls(StartTLSOptions.DISABLED);
        }
        if (config.smtpCaFile() != null) mc.setTrustOptions(new PemTrustOptions().addCertPath(config.smtpCaFile().toString()));
        if (config.smtpUser() != null) {
            mc.setLogin(LoginOption.REQUIRED).setUsername(config.smtpUser()).setPassword(password == null ? "" : password);
        } else {
            mc.setLogin(LoginOption.DISABLED);
        }
        this.client = MailClient.create(vertx, mc);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void deliver(IncidentNotice notice) throws Exception {
        if (!SENT.contains(notice.type())) return;
        EmailContent c = EmailContent.of(notice, registry, config.publicUrl());
        String domain = config.from().substring(config.from().indexOf('@') + 1);
        MailMessage m = new MailMessage().setFrom(config.from()).setTo(to).setSubject(c.subject()).setText(c.text()).setHtml(c.html());
        m.setHeaders(MultiMap.caseInsensitiveMultiMap()
                .add("Message-ID", "<notice-" + notice.sequence() + "." + notice.incident().id() + "@" + domain + ">")
                .add("X-Tillwatch-Incident", notice.incident().id())
                .add("X-Tillwatch-Notice", Long.toString(notice.sequence())));
        try {
            client.sendMail(m).toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("SMTP " + config.smtpHost() + ":" + config.smtpPort() + " did not accept the email within 15 s");
        }
    }
}
