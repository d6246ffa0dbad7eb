package org.tillwatch.index;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.SerializableString;
import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.Transaction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written stored form names every component of every model record a transaction holds: a component added to
 * the model but not to the writer would silently vanish from the index. (Its bytes are compared with plain Jackson
 * on every sample transaction in the collector's StoredFormTest.)
 */
class SmileTransactionWriterTest {
    @Test
    void writesEveryRecordComponentReachableFromTransaction() throws Exception {
        Set<String> components = new TreeSet<>();
        collect(Transaction.class, components, new HashSet<>());
        Set<String> written = new TreeSet<>();
        for (Field f : SmileTransactionWriter.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == SerializableString.class) {
                f.setAccessible(true);
                written.add(((SerializableString) f.get(null)).getValue());
            }
        }
        assertThat(components).hasSizeGreaterThan(40);
        assertThat(written).containsAll(components);
    }

    private static void collect(Class<?> type, Set<String> names, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) return;
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(c.getName());
            collect(c.getType(), names, seen);
            Type generic = c.getGenericType();
            if (generic instanceof ParameterizedType p) {
                for (Type arg : p.getActualTypeArguments()) if (arg instanceof Class<?> k) collect(k, names, seen);
            }
        }
    }
}
