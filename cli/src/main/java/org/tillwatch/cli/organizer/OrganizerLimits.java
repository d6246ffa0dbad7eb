package org.tillwatch.cli.organizer;

/** Sizes the organizer keeps to. */
final class OrganizerLimits {
    /** Receipts fetched per tail poll: more than a chain closes in one poll interval. */
    static final int TAIL_PAGE = 2000;

    private OrganizerLimits() {
    }
}
