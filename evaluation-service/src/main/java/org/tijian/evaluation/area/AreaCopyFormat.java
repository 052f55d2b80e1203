package org.tijian.evaluation.area;

import java.math.BigDecimal;
import java.util.UUID;

/** One staged row in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class AreaCopyFormat {

    static void append(StringBuilder out, UUID job, int row, Area area) {
        out.append(job).append('\t').append(row).append('\t');
        text(out, area.code());
        out.append('\t');
        text(out, area.nameZh());
        out.append('\t').append(area.level().name()).append('\t').append(area.level().ordinal()).append('\t');
        text(out, area.parentCode());
        out.append('\t');
        text(out, area.cityClass());
        out.append('\t');
        text(out, area.population() == null ? null : area.population().toString());
        out.append('\t');
        text(out, plain(area.builtUpAreaKm2()));
        out.append('\t');
        text(out, plain(area.residentialLandAreaKm2()));
        out.append('\t');
        text(out, area.geometry());
        out.append('\t');
        text(out, area.sizeClass());
        out.append('\n');
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static void text(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private AreaCopyFormat() {
    }
}
