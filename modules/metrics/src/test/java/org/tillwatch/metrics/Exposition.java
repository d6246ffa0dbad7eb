package org.tillwatch.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The samples of a Prometheus text exposition, parsed just enough for assertions. */
record Exposition(List<Sample> samples) {
    record Sample(String name, Map<String, String> labels, double value) {
    }

    static Exposition parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            double value = Double.parseDouble(line.substring(space + 1).replace("+Inf", "Infinity"));
            int brace = series.indexOf('{');
            Map<String, String> labels = new TreeMap<>();
            if (brace < 0) {
                samples.add(new Sample(series, labels, value));
                continue;
            }
            // Label values here never hold quotes, commas or escapes.
            for (String pair : series.substring(brace + 1, series.length() - 1).split(",")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                labels.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
            }
            samples.add(new Sample(series.substring(0, brace), labels, value));
        }
        return new Exposition(samples);
    }

    /** The value of the one sample named {@code name} with exactly these labels, or null when there is none. */
    Double value(String name, String... labelPairs) {
        Map<String, String> want = new TreeMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) want.put(labelPairs[i], labelPairs[i + 1]);
        for (Sample s : samples) {
            if (s.name().equals(name) && s.labels().equals(want)) return s.value();
        }
        return null;
    }

    List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }
}
