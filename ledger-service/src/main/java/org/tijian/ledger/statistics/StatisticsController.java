package org.tijian.ledger.statistics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.security.TijianUser;
import org.tijian.ledger.problem.LedgerAccess;
import org.tijian.ledger.problem.LedgerError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Progress per responsible unit and 问题整治完成率, for officials of the area and provincial reviewers. */
@RestController
@RequestMapping("/api/ledger/statistics")
class StatisticsController {

    private final R2dbcLedgerStatistics statistics;
    private final String zone;

    StatisticsController(R2dbcLedgerStatistics statistics, @Value("${tijian.ledger.zone:Asia/Shanghai}") String zone) {
        this.statistics = statistics;
        this.zone = zone;
    }

    @GetMapping("/units")
    Flux<R2dbcLedgerStatistics.UnitProgress> units(@RequestParam int checkYear, @RequestParam String areaCode,
            @AuthenticationPrincipal Jwt jwt) {
        check(areaCode, jwt);
        return statistics.units(checkYear, areaCode, zone);
    }

    @GetMapping("/completion")
    Flux<R2dbcLedgerStatistics.Completion> completion(@RequestParam int checkYear, @RequestParam String areaCode,
            @AuthenticationPrincipal Jwt jwt) {
        check(areaCode, jwt);
        return statistics.completion(checkYear, areaCode);
    }

    /** Open problems week by week over the year, for the console's burn-down chart. */
    @GetMapping("/burn-down")
    Mono<R2dbcLedgerStatistics.BurnDown> burnDown(@RequestParam int checkYear, @RequestParam String areaCode,
            @AuthenticationPrincipal Jwt jwt) {
        check(areaCode, jwt);
        return statistics.burnDown(checkYear, areaCode, zone);
    }

    private static void check(String areaCode, Jwt jwt) {
        if (!areaCode.matches("\\d{2,24}")) {
            throw new TijianException(LedgerError.BAD_QUERY, "areaCode must be digits: " + areaCode);
        }
        LedgerAccess.checkReadArea(TijianUser.fromClaims(jwt.getClaims()), areaCode);
    }
}
