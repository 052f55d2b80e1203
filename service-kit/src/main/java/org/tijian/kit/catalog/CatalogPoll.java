package org.tijian.kit.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.tijian.kit.messaging.DeadLetter;
import org.tijian.kit.messaging.PolledRecord;

/**
 * One poll of a compacted catalog topic reduced to what the copy must do: the latest definition per code, the codes
 * whose records were deleted (tombstones), and the records that cannot be applied. Records arrive in offset order
 * per partition and a code's records share a partition, so a later record replaces an earlier one, except that
 * {@code replaces} may keep an earlier definition (an indicator of a higher revision).
 *
 * @param <T> the definition, {@code AreaDefined} or {@code IndicatorDefined}
 */
final class CatalogPoll<T> {

    /** How one kind of definition is read and checked. */
    interface Reader<T> {

        /** @throws RuntimeException when the bytes are not a definition */
        T read(byte[] value);

        String code(T definition);

        /** @return why the copy cannot hold the definition, or null */
        String problem(T definition);
    }

    private final Map<String, T> latest = new LinkedHashMap<>();
    private final Map<String, PolledRecord> latestRecords = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private final List<DeadLetter> rejected = new ArrayList<>();

    private CatalogPoll() {
    }

    /**
     * @param replaces whether an incoming definition replaces one held earlier in the same poll
     */
    static <T> CatalogPoll<T> of(List<PolledRecord> records, Reader<T> reader, BiPredicate<T, T> replaces) {
        CatalogPoll<T> poll = new CatalogPoll<>();
        for (PolledRecord record : records) {
            poll.add(record, reader, replaces);
        }
        return poll;
    }

    private void add(PolledRecord record, Reader<T> reader, BiPredicate<T, T> replaces) {
        String key = record.keyText();
        if (record.value() == null) {
            if (key == null || key.isBlank()) {
                rejected.add(new DeadLetter(record, "a deletion (null value) without a key"));
                return;
            }
            latest.remove(key);
            latestRecords.remove(key);
            removed.add(key);
            return;
        }
        T definition;
        try {
            definition = reader.read(record.value());
        } catch (RuntimeException e) {
            rejected.add(new DeadLetter(record, "unreadable: " + DeadLetter.firstLine(e.getMessage())));
            return;
        }
        String problem = definition == null ? "not a definition: null" : reader.problem(definition);
        if (problem != null) {
            rejected.add(new DeadLetter(record, problem));
            return;
        }
        String code = reader.code(definition);
        if (key != null && !key.equals(code)) {
            rejected.add(new DeadLetter(record, "the key " + key + " is not the code " + code));
            return;
        }
        T held = latest.get(code);
        if (held == null || replaces.test(definition, held)) {
            latest.put(code, definition);
            latestRecords.put(code, record);
        }
        removed.remove(code);
    }

    Map<String, T> latest() {
        return latest;
    }

    PolledRecord recordOf(String code) {
        return latestRecords.get(code);
    }

    Set<String> removed() {
        return removed;
    }

    List<DeadLetter> rejected() {
        return rejected;
    }

    void reject(String code, String reason) {
        rejected.add(new DeadLetter(latestRecords.get(code), reason));
    }

    /** @param namesAndValues field names, each followed by its value; @return which are null or blank, or null */
    static String missing(Object... namesAndValues) {
        List<String> absent = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value == null || value instanceof String text && text.isBlank()) {
                absent.add((String) namesAndValues[i]);
            }
        }
        return absent.isEmpty() ? null : "missing " + String.join(", ", absent);
    }
}
