package org.tillwatch.cli.organizer;

/** ANSI styles for table cells and matches; {@link #apply} returns the plain text when colour is off. */
enum Style {
    NONE(""), RED("\u001b[31m"), BOLD_RED("\u001b[1;31m"), GREEN("\u001b[32m"), YELLOW("\u001b[33m"), DIM("\u001b[2m"),
    BOLD("\u001b[1m"), CYAN("\u001b[36m");

    private static final String RESET = "\u001b[0m";
    private final String code;

    Style(String code) {
        this.code = code;
    }

    String apply(String text, boolean colour) {
        return !colour || this == NONE || text.isEmpty() ? text : code + text + RESET;
    }
}
