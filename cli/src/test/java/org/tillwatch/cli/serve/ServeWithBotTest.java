package org.tillwatch.cli.serve;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.bot.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot as people run it: {@code tillwatch serve} with the telegram section enabled, and {@code tillwatch bot
 * --server} on its own, each a real process talking to a Telegram stand-in; the token only in the environment.
 */
class ServeWithBotTest {
    static final String TOKEN = "987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw-z";
    static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void serveRunsTheBotAndTheStandaloneBotReadsTheSameCollector(@TempDir Path tmp) throws Exception {
        Path cfg = Files.writeString(tmp.resolve("collector.yaml"), "telegram: {enabled: true, users: [111]}\n");
        Map<String, String> env = Map.of("TILLWATCH_TELEGRAM_TOKEN", TOKEN, "TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff");
        try (FakeTelegram inServe = new FakeTelegram(TOKEN); FakeTelegram standalone = new FakeTelegram(TOKEN);
             CollectorProcess serve = CollectorProcess.start(tmp, env, "--config", cfg.toString(), "--data", tmp.resolve("data").toString(),
                     "--telegram-api", inServe.url())) {
            int mark = inServe.mark();
            inServe.type(111, "anna", 111, "/status");
            assertThat(inServe.await("sendMessage", c -> c.chat() == 111, mark, WAIT).text()).contains("Лояльность: сеть", "Loyalty: chain");
            assertThat(serve.output()).doesNotContain(TOKEN.substring(10));

            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp",
                    classpath(), "org.tillwatch.cli.TillwatchCommand", "bot", "--server", "http://127.0.0.1:" + serve.port,
                    "--config", cfg.toString(), "--telegram-api", standalone.url(), "--state", tmp.resolve("bot-state").toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process bot = pb.start();
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8));
                String first = r.readLine();
                while (first != null && !first.startsWith("tillwatch bot:")) first = r.readLine(); // JUL lines go to the same stream
                assertThat(first).startsWith("tillwatch bot: Telegram " + standalone.url());
                mark = standalone.mark();
                standalone.type(111, "anna", 111, "/incidents");
                assertThat(standalone.await("sendMessage", c -> c.chat() == 111, mark, WAIT).text()).contains("Открытых инцидентов нет", "No open incidents");
                mark = standalone.mark();
                standalone.type(222, "eve", 222, "/status");
                assertThat(standalone.await("sendMessage", c -> c.chat() == 222, mark, WAIT).text()).contains("⛔");
            } finally {
                bot.destroy();
                bot.waitFor(20, TimeUnit.SECONDS);
            }
            assertThat(serve.stop()).isEqualTo(143);
        }
    }

    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }
}
