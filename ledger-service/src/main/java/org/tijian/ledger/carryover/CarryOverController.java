package org.tijian.ledger.carryover;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.security.TijianUser;
import org.tijian.ledger.problem.LedgerError;
import reactor.core.publisher.Mono;

/** Carry-over (结转) of a year's unresolved problems into the next year; administrators and city officials. */
@RestController
@RequestMapping("/api/ledger/carry-overs")
class CarryOverController {

    private final CarryOverService carryOvers;

    CarryOverController(CarryOverService carryOvers) {
        this.carryOvers = carryOvers;
    }

    @PostMapping
    Mono<CarryOverService.CarryOver> carryOver(@RequestBody CarryOverRequest body, @AuthenticationPrincipal Jwt jwt) {
        if (body == null || body.fromYear() == null || body.fromYear() < 2000 || body.fromYear() > 2100) {
            throw new TijianException(LedgerError.BAD_COMMAND, "fromYear must be a check year");
        }
        if (body.areaCode() == null || !body.areaCode().matches("\\d{2,24}")) {
            throw new TijianException(LedgerError.BAD_COMMAND, "areaCode must be digits");
        }
        return carryOvers.carryOver(body.fromYear(), body.areaCode(), TijianUser.fromClaims(jwt.getClaims()),
                TraceParent.newRoot());
    }

    record CarryOverRequest(Integer fromYear, String areaCode) {
    }
}
