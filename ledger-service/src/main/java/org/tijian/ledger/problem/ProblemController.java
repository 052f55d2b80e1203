package org.tijian.ledger.problem;

import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.kit.error.CommonError;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/ledger/problems")
class ProblemController {

    private final ProblemStore problems;

    ProblemController(ProblemStore problems) {
        this.problems = problems;
    }

    /** The ledger of an area's subtree for a check year (问题台账). */
    @GetMapping
    Flux<Problem> ledger(@RequestParam String areaCode, @RequestParam int checkYear,
            @RequestParam(defaultValue = "200") int limit) {
        if (!areaCode.matches("\\d{1,24}")) {
            throw new TijianException(CommonError.MALFORMED_REQUEST, "areaCode must be digits: " + areaCode);
        }
        return problems.findInSubtree(areaCode, checkYear, Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/{id}")
    Mono<Problem> one(@PathVariable UUID id) {
        return problems.findById(id)
                .switchIfEmpty(Mono.error(() -> new TijianException(CommonError.NOT_FOUND, "problem " + id)));
    }
}
