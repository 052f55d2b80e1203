package org.tijian.ledger.list;

import org.tijian.kit.export.ExportLanguage;
import org.tijian.kit.export.ExportTable;
import org.tijian.kit.export.TableFiles;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.contracts.Dimension;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.security.TijianUser;
import org.tijian.ledger.problem.LedgerAccess;
import org.tijian.ledger.problem.LedgerError;
import org.tijian.ledger.problem.ProblemQuery;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The problem list (问题清单) and the rectification suggestion list (整治建议清单) of one check year and dimension, for
 * an area's subtree (a compound's, a street's or a city's ledger), as XLSX or CSV with the headers of the cities'
 * reports: {@code GET /api/ledger/lists/problems?checkYear=2024&dimension=HOUSING&areaCode=3601&format=xlsx} and
 * {@code .../lists/suggestions?...}. A special check (专项体检) names its indicators instead of a dimension
 * ({@code indicators=C05,C06&topic=停车}) and gets 专项问题清单 / 专项整治建议清单. {@code lang=en} (or an English Accept-Language) gives English headers. Everyone
 * gets only what they may read: an official their subtree, a unit its own problems.
 */
@RestController
@RequestMapping("/api/ledger/lists")
class ProblemListController {

    private final R2dbcProblemLists lists;

    ProblemListController(R2dbcProblemLists lists) {
        this.lists = lists;
    }

    @GetMapping("/{kind}")
    Mono<ResponseEntity<byte[]>> list(@PathVariable String kind, @RequestParam(required = false) Integer checkYear,
            @RequestParam(required = false) String dimension, @RequestParam(required = false) String indicators,
            @RequestParam(required = false) String topic, @RequestParam(required = false) String areaCode,
            @RequestParam(defaultValue = "xlsx") String format, @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @AuthenticationPrincipal Jwt jwt) {
        boolean problems = "problems".equals(kind);
        if (!problems && !"suggestions".equals(kind)) {
            throw new TijianException(LedgerError.BAD_QUERY, "the lists are problems and suggestions, not " + kind);
        }
        if (checkYear == null) {
            throw new TijianException(LedgerError.BAD_QUERY, "checkYear is required");
        }
        List<String> special = indicators == null ? null : codes(indicators);
        Dimension chosen = special != null && dimension == null ? null : dimension(dimension);
        TableFiles.Format output = TableFiles.Format.of(format);
        if (output == null) {
            throw new TijianException(LedgerError.BAD_QUERY, "format is csv or xlsx, not " + format);
        }
        if (areaCode != null && !areaCode.matches("\\d{1,24}")) {
            throw new TijianException(LedgerError.BAD_QUERY, "areaCode must be digits: " + areaCode);
        }
        ExportLanguage language = ExportLanguage.of(lang != null ? lang : acceptLanguage);
        ProblemQuery scope = LedgerAccess.scope(TijianUser.fromClaims(jwt.getClaims()),
                new ProblemQuery(areaCode, checkYear, chosen, null, null, null, null, 0, 1));
        String specialTopic = topic != null && !topic.isBlank() ? topic.strip() : indicators;
        return lists.listed(checkYear, chosen, special, scope.areaCode(), scope.responsibleUnit()).collectList()
                .publishOn(Schedulers.boundedElastic())
                .map(rows -> {
                    ExportTable table = special != null
                            ? (problems ? ProblemLists.specialProblemList(specialTopic, rows, language)
                                    : ProblemLists.specialSuggestionList(specialTopic, rows, language))
                            : problems ? ProblemLists.problemList(chosen, rows, language)
                                    : ProblemLists.suggestionList(chosen, rows, language);
                    String file = table.title() + "-" + checkYear + (areaCode == null ? "" : "-" + areaCode) + "."
                            + output.extension();
                    return ResponseEntity.ok()
                            .contentType(MediaType.parseMediaType(output.mediaType()))
                            .header(HttpHeaders.CONTENT_DISPOSITION,
                                    ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
                            .header("X-Total-Count", String.valueOf(table.rows().size()))
                            .body(TableFiles.bytes(table, language, output));
                });
    }

    private static List<String> codes(String indicators) {
        List<String> codes = java.util.Arrays.stream(indicators.split(",")).map(String::strip)
                .filter(code -> !code.isEmpty()).toList();
        if (codes.isEmpty() || codes.stream().anyMatch(code -> !code.matches("[A-Za-z0-9_]{1,32}"))) {
            throw new TijianException(LedgerError.BAD_QUERY, "indicators are comma-separated indicator codes: " + indicators);
        }
        return codes;
    }

    private static Dimension dimension(String name) {
        if (name == null) {
            throw new TijianException(LedgerError.BAD_QUERY, "dimension is required (one of "
                    + List.of(Dimension.values()) + "): the lists are per dimension, or name a special check's indicators");
        }
        try {
            return Dimension.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TijianException(LedgerError.BAD_QUERY, "no dimension " + name);
        }
    }
}
