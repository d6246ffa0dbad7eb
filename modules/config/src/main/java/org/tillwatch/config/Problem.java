package org.tillwatch.config;

/** One configuration problem: the key path it is about ({@code ingest.threads}, {@code live.windows[1]}) and what is wrong. */
record Problem(String path, String message) {

    /** The setting the problem is about, without any list index: {@code live.windows[1]} gives {@code live.windows}. */
    String settingPath() {
        int bracket = path.indexOf('[');
        return bracket < 0 ? path : path.substring(0, bracket);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
