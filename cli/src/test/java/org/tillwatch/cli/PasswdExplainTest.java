package org.tillwatch.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tillwatch.web.auth.PasswordHasher;

import static org.assertj.core.api.Assertions.assertThat;

class PasswdExplainTest {
    @Test
    void passwdPrintsAConfigLineWhoseHashVerifiesThePassword() {
        Cli r = withStdin("a-long-password\n", () -> Cli.run("passwd", "--name", "anna", "--role", "support"));
        assertThat(r.exitCode()).isZero();
        Matcher m = Pattern.compile("- \\{name: anna, password-hash: \"([^\"]+)\", role: support}").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(PasswordHasher.verify("a-long-password".toCharArray(), m.group(1))).isTrue();
        assertThat(r.out()).doesNotContain("a-long-password");
    }

    @Test
    void passwdRefusesShortPasswordsAndBadRoles() {
        assertThat(withStdin("short\n", () -> Cli.run("passwd")).exitCode()).isEqualTo(1);
        Cli bad = Cli.run("passwd", "--role", "boss");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--role must be operator, support or admin");
    }

    @Test
    void passwdTokenPrintsATokenAndItsHash() {
        Cli r = Cli.run("passwd", "--token", "--name", "bot");
        Matcher t = Pattern.compile("Bearer\\): (\\S+)").matcher(r.out());
        assertThat(t.find()).isTrue();
        assertThat(r.out()).contains("hash: \"" + PasswordHasher.tokenHash(t.group(1)) + "\"");
    }

    @Test
    void explainPrintsTheDictionaryEntryInBothLanguages() {
        Cli r = Cli.run("explain", "11");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("CardBlocked (11): Карта заблокирована / Card blocked",
                "Категория / category: Карта / Card", "yes: Loyalty back office");
        Cli unknown = Cli.run("explain", "Gremlins");
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.out()).contains("Unknown");
        assertThat(unknown.err()).contains("nothing found", "Gremlins");
        Cli json = Cli.run("explain", "--json", "HTTP_502");
        assertThat(json.out().replace(" ", "")).contains("\"category\":\"service\"", "\"line\":\"processing\"");
    }

    private static Cli withStdin(String text, java.util.function.Supplier<Cli> run) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.get();
        } finally {
            System.setIn(before);
        }
    }
}
