package org.tillwatch.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.tillwatch.web.auth.PasswordHasher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = {"Print a password hash for the security section of the collector's config (the password is read "
                + "without echo, twice; from standard input when it is not a terminal), or with --token a new API token and its hash.",
                "Хэш пароля для раздела security конфигурации коллектора или, с --token, новый API-токен и его хэш."})
final class PasswdCommand implements Callable<Integer> {
    static final int MIN_LENGTH = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--token", description = "Generate a random API token instead: prints the token (give it to the client) and its hash (for the config).")
    boolean token;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "NAME", description = "The account or token name to put in the printed config line.")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "operator", description = "operator, support or admin (default: ${DEFAULT-VALUE}).")
    String role;

    @Override
    public Integer call() throws IOException {
        if (!java.util.List.of("operator", "support", "admin").contains(role)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--role must be operator, support or admin, got '" + role + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (token) {
            String t = PasswordHasher.newToken();
            out.println("token (keep it secret; the client sends it as Authorization: Bearer): " + t);
            out.println("config (security.tokens): - {name: " + name + ", hash: \"" + PasswordHasher.tokenHash(t) + "\", role: " + role + "}");
            out.flush();
            return 0;
        }
        char[] password = read("Password / пароль: ");
        Console console = System.console();
        if (console != null) {
            char[] again = read("Again / ещё раз: ");
            if (!Arrays.equals(password, again)) throw new IllegalArgumentException("the passwords differ / пароли не совпадают");
        }
        if (password.length < MIN_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters / пароль не короче " + MIN_LENGTH + " символов");
        }
        String hash = PasswordHasher.hash(password);
        Arrays.fill(password, '\0');
        out.println("config (security.users): - {name: " + name + ", password-hash: \"" + hash + "\", role: " + role + "}");
        out.flush();
        return 0;
    }

    private static char[] read(String prompt) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] p = console.readPassword(prompt);
            return p == null ? new char[0] : p;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
