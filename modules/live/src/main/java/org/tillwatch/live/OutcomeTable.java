package org.tillwatch.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small ids for outcome names, so buckets store an int rather than a string. Names come from the logs
 * ({@code HTTP_<status>} can be anything), so the table is capped: past {@link #CAPACITY} names, new ones are
 * counted as {@link #OTHER}.
 */
final class OutcomeTable {
    static final int CAPACITY = 4096;
    static final String OTHER = "OTHER";

    private record Key(String name, boolean critical) {
    }

    private final Map<Key, Integer> ids = new HashMap<>();
    private final List<Key> keys = new ArrayList<>();

    int id(String name, boolean critical) {
        Key key = new Key(name, critical);
        Integer id = ids.get(key);
        if (id != null) return id;
        // two slots stay free for the critical and non-critical OTHER
        if (keys.size() >= CAPACITY - 2 && !name.equals(OTHER)) return id(OTHER, critical);
        ids.put(key, keys.size());
        keys.add(key);
        return keys.size() - 1;
    }

    int size() {
        return keys.size();
    }

    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(keys.size());
        for (Key k : keys) {
            out.writeUTF(k.name());
            out.writeBoolean(k.critical());
        }
    }

    static OutcomeTable read(java.io.DataInputStream in) throws java.io.IOException {
        OutcomeTable t = new OutcomeTable();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            Key k = new Key(in.readUTF(), in.readBoolean());
            t.ids.put(k, t.keys.size());
            t.keys.add(k);
        }
        return t;
    }

    String name(int id) {
        return keys.get(id).name();
    }

    boolean critical(int id) {
        return keys.get(id).critical();
    }
}
