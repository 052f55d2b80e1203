package org.tijian.evaluation.area;

import java.util.UUID;
import org.tijian.kit.bulk.CopyText;

/** One staged row in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class AreaCopyFormat {

    static void append(CopyText out, UUID job, int row, Area area) {
        out.field(job).field(row).field(area.code()).field(area.nameZh()).field(area.level().name())
                .field(area.level().ordinal()).field(area.parentCode()).field(area.cityClass()).field(area.population())
                .field(area.builtUpAreaKm2()).field(area.residentialLandAreaKm2()).field(area.geometry())
                .field(area.sizeClass()).endRow();
    }

    private AreaCopyFormat() {
    }
}
