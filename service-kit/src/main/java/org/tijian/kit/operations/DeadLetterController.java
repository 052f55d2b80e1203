package org.tijian.kit.operations;

import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The dead-letter tool under {@code tijian.operations.path}, for operators only. */
@RestController
@RequestMapping("${tijian.operations.path}/dead-letters")
@PreAuthorize("hasRole('OPERATOR')")
class DeadLetterController {

    private final DeadLetterService deadLetters;

    DeadLetterController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    Flux<DeadLetterView> list(@RequestParam(required = false) String topic,
            @RequestParam(defaultValue = "500") int limit) {
        return deadLetters.list(topic, limit);
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    Mono<DeadLetterView> replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
            Mono<Principal> operator) {
        return operator.flatMap(who -> deadLetters.replay(topic, partition, offset, who.getName()));
    }

    @PostMapping("/replay")
    Mono<Replayed> replayAll(@RequestParam(required = false) String topic, Mono<Principal> operator) {
        return operator.flatMap(who -> deadLetters.replayAll(topic, who.getName())).map(Replayed::new);
    }

    @PostMapping("/{topic}/{partition}/{offset}/discard")
    Mono<DeadLetterView> discard(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
            @RequestBody(required = false) Discard body, Mono<Principal> operator) {
        return operator.flatMap(who -> deadLetters.discard(topic, partition, offset,
                body == null ? null : body.reason(), who.getName()));
    }

    record Discard(String reason) {
    }

    record Replayed(long replayed) {
    }
}
