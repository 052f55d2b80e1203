package org.tijian.ledger.problem;

import java.util.Locale;

/**
 * How a problem list is sorted: by one column, then as before (year newest first, area, indicator). Parsed from the
 * {@code sort} parameter, e.g. {@code deadline,desc}; only these columns are allowed, so the SQL is never built from
 * user text.
 */
public record ProblemOrder(Key key, boolean descending) {

    public static final ProblemOrder DEFAULT = new ProblemOrder(Key.DEFAULT, false);

    /** The sortable columns with their SQL expression. */
    public enum Key {
        DEFAULT(null), INDICATOR("indicator_code"), AREA("area_code"), CLASS("rectification_class"), STATUS("status"),
        UNIT("responsible_unit"), DEADLINE("deadline"), IDENTIFIED("identified_at");

        private final String column;

        Key(String column) {
            this.column = column;
        }
    }

    /**
     * @param sort {@code <key>} or {@code <key>,asc|desc}; null or blank for the default order
     * @throws IllegalArgumentException an unknown key or direction
     */
    public static ProblemOrder parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return DEFAULT;
        }
        String[] parts = sort.split(",", 2);
        Key key = Key.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw new IllegalArgumentException("sort direction must be asc or desc: " + direction);
        }
        return new ProblemOrder(key, direction.equals("desc"));
    }

    /** The SQL {@code order by} list; the id keeps pages stable. */
    public String sql() {
        String then = "check_year desc, area_code, indicator_code, id";
        return key.column == null ? then : key.column + (descending ? " desc" : " asc") + " nulls last, " + then;
    }
}
