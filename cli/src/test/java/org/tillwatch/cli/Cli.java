package org.tillwatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the CLI in-process and captures exit code and output, as picocli's own tests do. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        CommandLine cl = TillwatchCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
