package org.tijian.intake.area;

import java.util.List;
import org.tijian.contracts.catalog.AreaDefined;
import reactor.core.publisher.Mono;

/** Intake's own copy of the area tree, kept from catalog.areas.v1 (the evaluation service owns the tree). */
public interface AreaCopy {

    /** Upserts the latest definitions; applying the same definitions again changes nothing. */
    Mono<Void> apply(List<AreaDefined> areas);

    Mono<AreaDefined> find(String code);
}
