package org.tijian.evaluation.standard;

import java.util.Collection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.evaluation.EvaluationError;
import org.tijian.kit.error.TijianException;

@RestController
@RequestMapping("/api/evaluation/standards")
class StandardController {

    private final IndicatorCatalog catalog;

    StandardController(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    Collection<EvaluationStandard> all() {
        return catalog.all();
    }

    @GetMapping("/{indicatorCode}")
    EvaluationStandard one(@PathVariable String indicatorCode) {
        return catalog.find(indicatorCode)
                .orElseThrow(() -> new TijianException(EvaluationError.UNKNOWN_INDICATOR, indicatorCode));
    }
}
