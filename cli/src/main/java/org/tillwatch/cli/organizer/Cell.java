package org.tillwatch.cli.organizer;

/** A table cell: its text and how it is coloured on a terminal. */
record Cell(String text, Style style) {
    Cell {
        text = text == null ? "-" : text;
        style = style == null ? Style.NONE : style;
    }

    static Cell of(Object value) {
        return value instanceof Cell c ? c : new Cell(value == null ? null : value.toString(), Style.NONE);
    }

    static Cell of(Object value, Style style) {
        return new Cell(value == null ? null : value.toString(), style);
    }
}
