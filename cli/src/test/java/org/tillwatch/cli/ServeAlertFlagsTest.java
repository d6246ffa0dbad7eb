package org.tillwatch.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tillwatch serve --smtp HOST:PORT --hotline ADDRESS}: they override the configuration; bad ones are usage errors. */
class ServeAlertFlagsTest {
    @Test
    void smtpAndHotlineOverrideTheConfig() {
        Cli r = Cli.run("serve", "--smtp", "mail.example.org:2525", "--hotline", "duty@example.org", "--print-config");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("smtp-host: mail.example.org", "smtp-port: 2525", "hotline: duty@example.org");
    }

    @Test
    void aBadSmtpFlagIsAUsageError() {
        Cli r = Cli.run("serve", "--smtp", "mail.example.org", "--hotline", "duty@example.org", "--print-config");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--smtp must be HOST:PORT");
    }

    @Test
    void smtpWithoutAHotlineIsAConfigurationError() {
        Cli r = Cli.run("serve", "--smtp", "mail.example.org:25", "--print-config");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("alerting.hotline: must name at least one address when smtp-host is set");
    }
}
