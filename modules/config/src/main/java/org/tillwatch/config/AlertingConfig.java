package org.tillwatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code alerting} section: rules (all on log time), incidents, and the channels that deliver them.
 *
 * @param threshold        store and chain availability below this fraction is an incident (0.99 = 99%)
 * @param hysteresis       recovery needs availability of at least threshold + hysteresis over the recovery window
 * @param minVolume        a store window with fewer loyalty transactions says nothing
 * @param minFailed        ... nor one with fewer failed transactions: a few random failures in a quiet hour are not an
 *                         incident
 * @param window           the window the store, chain and device rules look at
 * @param recoveryWindow   the window recovery looks at: no failure in it, and at least one success
 * @param baselineWindow   a store's own recent baseline, for the sharp-drop rule
 * @param drop             a sharp drop: availability this far (fraction) below the store's baseline
 * @param pending          a condition must hold this long (log time) before it is an incident
 * @param recoveryPending  recovery must hold this long (log time) before the incident is resolved
 * @param chainMinVolume   chain-wide window volume below which the chain rule says nothing
 * @param foldStores       this many stores failing at once make one chain incident...
 * @param foldShare        ... when they also are at least this share of the stores with traffic
 * @param missingMin       DeviceNotFound/DeviceBlocked outcomes in the window that say a store is missing in processing
 * @param registerSilence  a register quiet this long while its store is open and its other registers work
 * @param repeatInterval   an open, unacknowledged incident is sent again after this long (wall clock)
 * @param evaluateEvery    rules are evaluated each time log time crosses a step this long
 * @param stallAfter       no data at all for this long (wall clock) while a store is open: ingestion stalled
 * @param notifierFailures a notifier failing this many times in a row raises its own incident
 * @param publicUrl        where people open the web UI (the store page is {@code <public-url>/ui/stores/<code>})
 * @param smtpHost         the SMTP relay; null: no email
 * @param smtpTls          {@code none}, {@code starttls} or {@code tls}
 * @param smtpPasswordFile a file holding the SMTP password (or the {@code TILLWATCH_SMTP_PASSWORD} variable)
 * @param smtpCaFile       PEM certificate(s) to trust for the relay's TLS besides the JDK's (a private CA); null: none
 * @param hotline          comma-separated addresses of the hot-line
 * @param webhookUrl       a generic JSON webhook; null: none
 * @param dailyQuiet       local time (default zone) of the daily "all quiet" message; null: none
 */
public record AlertingConfig(double threshold, double hysteresis, int minVolume, int minFailed, Duration window,
                             Duration recoveryWindow, Duration baselineWindow, double drop, Duration pending,
                             Duration recoveryPending, int chainMinVolume, int foldStores, double foldShare,
                             int missingMin, Duration registerSilence, Duration repeatInterval, Duration evaluateEvery,
                             Duration stallAfter, int notifierFailures, String publicUrl, String smtpHost, int smtpPort,
                             String smtpTls, String smtpUser, Path smtpPasswordFile, Path smtpCaFile, String from, String hotline,
                             String webhookUrl, String dailyQuiet) {
    public static final List<String> TLS_MODES = List.of("none", "starttls", "tls");

    public AlertingConfig {
        Checks checks = new Checks("alerting");
        fraction(checks, threshold, "threshold", false);
        fraction(checks, hysteresis, "hysteresis", true);
        if (threshold + hysteresis > 1.0) checks.fail("hysteresis", "threshold + hysteresis must be at most 100%");
        if (minVolume < 1) checks.fail("min-volume", "must be at least 1, got " + minVolume);
        if (minFailed < 1) checks.fail("min-failed", "must be at least 1, got " + minFailed);
        checks.durationRange(window, Duration.ofMinutes(1), Duration.ofDays(1), "window");
        checks.durationRange(recoveryWindow, Duration.ofMinutes(1), Duration.ofDays(1), "recovery-window");
        checks.durationRange(baselineWindow, Duration.ofMinutes(1), Duration.ofDays(7), "baseline-window");
        if (window != null && recoveryWindow != null && recoveryWindow.compareTo(window) > 0) {
            checks.fail("recovery-window", "must not be longer than window (" + Units.formatDuration(window) + ")");
        }
        if (window != null && baselineWindow != null && baselineWindow.compareTo(window) <= 0) {
            checks.fail("baseline-window", "must be longer than window (" + Units.formatDuration(window) + ")");
        }
        fraction(checks, drop, "drop", false);
        nonNegative(checks, pending, "pending");
        nonNegative(checks, recoveryPending, "recovery-pending");
        if (chainMinVolume < 1) checks.fail("chain-min-volume", "must be at least 1, got " + chainMinVolume);
        checks.range(foldStores, 2, 100_000, "fold-stores");
        fraction(checks, foldShare, "fold-share", true);
        if (missingMin < 1) checks.fail("missing-min", "must be at least 1, got " + missingMin);
        checks.positive(registerSilence, "register-silence");
        checks.positive(repeatInterval, "repeat-interval");
        checks.durationRange(evaluateEvery, Duration.ofSeconds(1), Duration.ofMinutes(5), "evaluate-every");
        checks.positive(stallAfter, "stall-after");
        checks.range(notifierFailures, 1, 1000, "notifier-failures");
        if (checks.present(publicUrl, "public-url") && !publicUrl.matches("https?://\\S+")) {
            checks.fail("public-url", "must be an http:// or https:// URL, got '" + publicUrl + "'");
        }
        if (smtpHost != null && smtpHost.isBlank()) smtpHost = null;
        checks.range(smtpPort, 1, 65535, "smtp-port");
        if (checks.present(smtpTls, "smtp-tls") && !TLS_MODES.contains(smtpTls.toLowerCase(Locale.ROOT))) {
            checks.fail("smtp-tls", "must be one of " + TLS_MODES + ", got '" + smtpTls + "'");
        }
        if (smtpUser != null && smtpUser.isBlank()) smtpUser = null;
        if (checks.present(from, "from") && !from.contains("@")) checks.fail("from", "must be an email address, got '" + from + "'");
        if (hotline != null && hotline.isBlank()) hotline = null;
        if (hotline != null) {
            for (String a : split(hotline)) if (!a.matches("[^@\\s]+@[^@\\s]+")) checks.fail("hotline", "not an email address: '" + a + "'");
        }
        if (smtpHost != null && hotline == null) checks.fail("hotline", "must name at least one address when smtp-host is set");
        if (webhookUrl != null && webhookUrl.isBlank()) webhookUrl = null;
        if (webhookUrl != null && !webhookUrl.matches("https?://\\S+")) checks.fail("webhook-url", "must be an http:// or https:// URL, got '" + webhookUrl + "'");
        if (dailyQuiet != null && dailyQuiet.isBlank()) dailyQuiet = null;
        if (dailyQuiet != null) {
            try {
                LocalTime.parse(dailyQuiet);
            } catch (DateTimeParseException e) {
                checks.fail("daily-quiet", "must be a local time such as 09:00, got '" + dailyQuiet + "'");
            }
        }
        checks.done();
        smtpTls = smtpTls.toLowerCase(Locale.ROOT);
        smtpPasswordFile = smtpPasswordFile == null ? null : smtpPasswordFile.toAbsolutePath().normalize();
        smtpCaFile = smtpCaFile == null ? null : smtpCaFile.toAbsolutePath().normalize();
        publicUrl = publicUrl.replaceAll("/+$", "");
    }

    private static void fraction(Checks checks, double v, String key, boolean zeroAllowed) {
        if (Double.isNaN(v) || v > 1.0 || v < 0 || (!zeroAllowed && v == 0)) {
            checks.fail(key, "must be a percentage " + (zeroAllowed ? "from 0%" : "above 0%") + " to 100%, got " + Units.formatPercent(v));
        }
    }

    private static void nonNegative(Checks checks, Duration d, String key) {
        if (checks.present(d, key) && d.isNegative()) checks.fail(key, "must not be negative, got " + Units.formatDuration(d));
    }

    private static List<String> split(String addresses) {
        return Arrays.stream(addresses.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The hot-line addresses, in order. */
    public List<String> hotlineAddresses() {
        return hotline == null ? List.of() : split(hotline);
    }

    /** The daily all-quiet time, or null. */
    public LocalTime dailyQuietTime() {
        return dailyQuiet == null ? null : LocalTime.parse(dailyQuiet);
    }

    /** Threshold 99%, hysteresis 0.5%, 30m window with at least 3 transactions and 3 failures, 5m recovery, 5m pending. */
    public static AlertingConfig defaults() {
        return new AlertingConfig(0.99, 0.005, 3, 3, Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofDays(1),
                0.2, Duration.ofMinutes(5), Duration.ofMinutes(5), 10, 3, 0.3, 3, Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofSeconds(15), Duration.ofMinutes(10), 3, "http://localhost:8080", null,
                25, "none", null, null, null, "tillwatch@localhost", null, null, null);
    }

    public AlertingConfig withSmtp(String host, int port) {
        return new AlertingConfig(threshold, hysteresis, minVolume, minFailed, window, recoveryWindow, baselineWindow, drop,
                pending, recoveryPending, chainMinVolume, foldStores, foldShare, missingMin, registerSilence,
                repeatInterval, evaluateEvery, stallAfter, notifierFailures, publicUrl, host, port, smtpTls, smtpUser,
                smtpPasswordFile, smtpCaFile, from, hotline, webhookUrl, dailyQuiet);
    }

    public AlertingConfig withHotline(String addresses) {
        return new AlertingConfig(threshold, hysteresis, minVolume, minFailed, window, recoveryWindow, baselineWindow, drop,
                pending, recoveryPending, chainMinVolume, foldStores, foldShare, missingMin, registerSilence,
                repeatInterval, evaluateEvery, stallAfter, notifierFailures, publicUrl, smtpHost, smtpPort, smtpTls,
                smtpUser, smtpPasswordFile, smtpCaFile, from, addresses, webhookUrl, dailyQuiet);
    }

    public AlertingConfig withPending(Duration pending, Duration recoveryPending) {
        return new AlertingConfig(threshold, hysteresis, minVolume, minFailed, window, recoveryWindow, baselineWindow, drop,
                pending, recoveryPending, chainMinVolume, foldStores, foldShare, missingMin, registerSilence,
                repeatInterval, evaluateEvery, stallAfter, notifierFailures, publicUrl, smtpHost, smtpPort, smtpTls,
                smtpUser, smtpPasswordFile, smtpCaFile, from, hotline, webhookUrl, dailyQuiet);
    }

    public AlertingConfig withWebhook(String url) {
        return new AlertingConfig(threshold, hysteresis, minVolume, minFailed, window, recoveryWindow, baselineWindow, drop,
                pending, recoveryPending, chainMinVolume, foldStores, foldShare, missingMin, registerSilence,
                repeatInterval, evaluateEvery, stallAfter, notifierFailures, publicUrl, smtpHost, smtpPort, smtpTls,
                smtpUser, smtpPasswordFile, smtpCaFile, from, hotline, url, dailyQuiet);
    }

    public AlertingConfig withTimers(Duration repeatInterval, Duration stallAfter) {
        return new AlertingConfig(threshold, hysteresis, minVolume, minFailed, window, recoveryWindow, baselineWindow, drop,
                pending, recoveryPending, chainMinVolume, foldStores, foldShare, missingMin, registerSilence,
                repeatInterval, evaluateEvery, stallAfter, notifierFailures, publicUrl, smtpHost, smtpPort, smtpTls,
                smtpUser, smtpPasswordFile, smtpCaFile, from, hotline, webhookUrl, dailyQuiet);
    }

    public AlertingConfig withDailyQuiet(String localTime) {
        return new AlertingConfig(threshold, hysteresis, minVolume, minFailed, window, recoveryWindow, baselineWindow, drop,
                pending, recoveryPending, chainMinVolume, foldStores, foldShare, missingMin, registerSilence,
                repeatInterval, evaluateEvery, stallAfter, notifierFailures, publicUrl, smtpHost, smtpPort, smtpTls,
                smtpUser, smtpPasswordFile, smtpCaFile, from, hotline, webhookUrl, localTime);
    }

    public AlertingConfig withSmtpSecurity(String tls, String user, Path passwordFile, Path caFile) {
        return new AlertingConfig(threshold, hysteresis, minVolume, minFailed, window, recoveryWindow, baselineWindow, drop,
                pending, recoveryPending, chainMinVolume, foldStores, foldShare, missingMin, registerSilence,
                repeatInterval, evaluateEvery, stallAfter, notifierFailures, publicUrl, smtpHost, smtpPort, tls,
                user, passwordFile, caFile, from, hotline, webhookUrl, dailyQuiet);
    }
}
