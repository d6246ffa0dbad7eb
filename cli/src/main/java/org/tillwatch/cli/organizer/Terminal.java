package org.tillwatch.cli.organizer;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is a person's terminal: colour and progress bars only then (and never with NO_COLOR). */
final class Terminal {
    private Terminal() {
    }

    static boolean interactive() {
        Console c = System.console();
        if (c == null) return false;
        try {
            // JDK 22+ returns a console even when redirected; isTerminal() tells the truth there.
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    static boolean noColorEnv() {
        String v = System.getenv("NO_COLOR");
        return v != null && !v.isEmpty();
    }
}
