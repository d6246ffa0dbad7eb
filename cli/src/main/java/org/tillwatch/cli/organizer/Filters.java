package org.tillwatch.cli.organizer;

import java.util.List;

import org.tillwatch.index.query.FilterRequest;

/** Small builders of filter requests. */
final class Filters {
    private Filters() {
    }

    static FilterRequest ids(List<String> ids) {
        return new FilterRequest(null, null, null, null, null, null, null, null, null, null, ids);
    }

    static FilterRequest withFrom(FilterRequest f, String from) {
        return new FilterRequest(f.store(), f.register(), from, f.to(), f.card(), f.status(), f.outcome(), f.tag(),
                f.hasPromo(), f.minTotal(), f.ids());
    }
}
