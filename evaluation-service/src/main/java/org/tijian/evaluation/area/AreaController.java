package org.tijian.evaluation.area;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.kit.error.CommonError;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** The area tree: read an area with its children, import and export whole trees. */
@RestController
@RequestMapping("/api/evaluation")
class AreaController {

    private static final int MAX_PAGE = 1_000;

    private final AreaStore areas;
    private final AreaImportService imports;
    private final JsonMapper json;

    AreaController(AreaStore areas, AreaImportService imports, JsonMapper json) {
        this.areas = areas;
        this.imports = imports;
        this.json = json;
    }

    /** One area, the codes above it, how many children it has and the first page of them. */
    @GetMapping("/areas/{code}")
    Mono<AreaView> area(@PathVariable String code, @RequestParam(defaultValue = "100") int limit) {
        return areas.find(code)
                .switchIfEmpty(Mono.error(() -> new TijianException(AreaError.AREA_NOT_FOUND, code)))
                .flatMap(area -> Mono.zip(areas.ancestors(code), areas.countChildren(code),
                                areas.children(code, null, page(limit)).collectList())
                        .map(parts -> new AreaView(area, parts.getT1(), parts.getT2(), parts.getT3())));
    }

    /** Children after {@code after} (the last code of the previous page), ordered by code. */
    @GetMapping("/areas/{code}/children")
    Flux<Area> children(@PathVariable String code, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") int limit) {
        return areas.children(code, after, page(limit));
    }

    /**
     * Imports a CSV ({@code text/csv}, UTF-8 with or without BOM, or GBK) or JSON array
     * ({@code application/json}) of areas in the background: 202 with the job to poll.
     */
    @PostMapping("/area-imports")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Mono<ResponseEntity<ImportJob>> upload(ServerHttpRequest request, @AuthenticationPrincipal Jwt jwt) {
        AreaImportService.Format format = AreaImportService.format(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
        return Mono.fromCallable(() -> Files.createTempFile("area-import-", "." + format.name().toLowerCase()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(file -> DataBufferUtils.write(request.getBody(), file).thenReturn(file))
                .flatMap(file -> imports.submit(file, format, jwt.getSubject()))
                .map(job -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(java.net.URI.create("/api/evaluation/area-imports/" + job.id()))
                        .body(job));
    }

    @GetMapping("/area-imports/{id}")
    Mono<ImportJob> importJob(@PathVariable UUID id) {
        return areas.findJob(id).switchIfEmpty(Mono.error(() -> new TijianException(AreaError.IMPORT_NOT_FOUND, id)));
    }

    /** The area and everything below it, in the import formats (CSV is UTF-8 with a BOM for spreadsheet programs). */
    @GetMapping("/areas/{code}/export")
    Mono<ResponseEntity<Flux<DataBuffer>>> export(@PathVariable String code, @RequestParam(defaultValue = "csv") String format) {
        boolean csv = switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new TijianException(CommonError.MALFORMED_REQUEST, "format must be csv or json");
        };
        var buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<String> lines = csv
                ? Flux.concat(Flux.just("\uFEFF" + AreaCsv.HEADER + "\n"), areas.subtree(code).map(a -> AreaCsv.line(a) + "\n"))
                : Flux.concat(Flux.just("["), areas.subtree(code).index()
                        .map(indexed -> (indexed.getT1() == 0 ? "\n" : ",\n") + json.writeValueAsString(indexed.getT2())),
                        Flux.just("\n]\n"));
        return areas.find(code)
                .switchIfEmpty(Mono.error(() -> new TijianException(AreaError.AREA_NOT_FOUND, code)))
                .map(root -> ResponseEntity.ok()
                        .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"areas-" + code + "." + format + "\"")
                        .body(lines.buffer(500).map(chunk -> buffers.wrap(String.join("", chunk).getBytes(StandardCharsets.UTF_8)))));
    }

    private static int page(int limit) {
        return Math.min(Math.max(limit, 1), MAX_PAGE);
    }

    record AreaView(Area area, List<String> ancestors, long childCount, List<Area> children) {
    }

}
