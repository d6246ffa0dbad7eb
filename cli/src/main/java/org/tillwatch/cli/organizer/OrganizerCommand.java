package org.tillwatch.cli.organizer;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every organizer command shares: where to read, how to print, and the exit codes scripts branch on:
 * 0 ok, 1 error, 2 usage (a bad flag or filter), 3 nothing found.
 */
abstract class OrganizerCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int NOTHING_FOUND = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions source;

    @Mixin
    OutputOptions output;

    @Override
    public final Integer call() throws Exception {
        try {
            return run();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    abstract int run() throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    OutputOptions.Format format() {
        return output.format(spec.commandLine());
    }

    boolean colour() {
        return output.colour();
    }

    /** "nothing found" on stderr, in both languages, and exit code 3. */
    int nothing(String what) {
        err().println("tillwatch: ничего не найдено / nothing found: " + what);
        err().flush();
        return NOTHING_FOUND;
    }
}
