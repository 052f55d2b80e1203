package org.tijian.projects.library;

import org.tijian.kit.export.ExportLanguage;
import org.tijian.kit.export.ExportTable;
import org.tijian.kit.export.TableFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.security.TijianUser;
import org.tijian.projects.drafting.DraftingPolicy;
import org.tijian.projects.drafting.ProblemCopyStore;
import org.tijian.projects.project.Project;
import org.tijian.projects.project.ProjectError;
import org.tijian.projects.project.ProjectQuery;
import org.tijian.projects.project.ProjectService;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The library as CSV and XLSX (Chinese headers; English with {@code lang=en}), and its totals. */
@RestController
@RequestMapping("/api/projects")
class LibraryController {

    private static final int MAX_ROWS = 100_000;
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProjectService projects;
    private final ProblemCopyStore names;
    private final DraftingPolicy policy;

    LibraryController(ProjectService projects, ProblemCopyStore names, DraftingPolicy policy) {
        this.projects = projects;
        this.names = names;
        this.policy = policy;
    }

    @GetMapping("/library.csv")
    Mono<ResponseEntity<byte[]>> csv(@RequestParam(required = false) Integer planYear,
            @RequestParam(required = false) String areaCode, @RequestParam(defaultValue = "zh") String lang,
            @AuthenticationPrincipal Jwt jwt) {
        return table(planYear, areaCode, lang, jwt)
                .map(table -> file(TableFiles.bytes(table, ExportLanguage.of(lang), TableFiles.Format.CSV),
                        new MediaType("text", "csv", StandardCharsets.UTF_8), fileName(planYear, "csv")));
    }

    @GetMapping("/library.xlsx")
    Mono<ResponseEntity<byte[]>> xlsx(@RequestParam(required = false) Integer planYear,
            @RequestParam(required = false) String areaCode, @RequestParam(defaultValue = "zh") String lang,
            @AuthenticationPrincipal Jwt jwt) {
        return table(planYear, areaCode, lang, jwt)
                .publishOn(Schedulers.boundedElastic())
                .map(table -> file(TableFiles.bytes(table, ExportLanguage.of(lang), TableFiles.Format.XLSX), XLSX,
                        fileName(planYear, "xlsx")));
    }

    /** Count, investment, completed and progress by type, department and year. */
    @GetMapping("/library/totals")
    Mono<LibraryTotals> totals(@RequestParam(required = false) Integer planYear,
            @RequestParam(required = false) String areaCode, @AuthenticationPrincipal Jwt jwt) {
        checkArea(areaCode);
        return projects.sums(new ProjectQuery(areaCode, planYear, null, null, null, MAX_ROWS),
                        TijianUser.fromClaims(jwt.getClaims()))
                .collectList().map(sums -> LibraryTotals.of(sums, policy::departmentName));
    }

    private Mono<List<Project>> library(Integer planYear, String areaCode, Jwt jwt) {
        checkArea(areaCode);
        return projects.search(new ProjectQuery(areaCode, planYear, null, null, null, MAX_ROWS),
                TijianUser.fromClaims(jwt.getClaims())).collectList();
    }

    private Mono<ExportTable> table(Integer planYear, String areaCode, String lang, Jwt jwt) {
        if (!Set.of("zh", "en").contains(lang)) {
            throw new TijianException(ProjectError.BAD_QUERY, "lang must be zh or en: " + lang);
        }
        return library(planYear, areaCode, jwt).flatMap(list -> {
            Set<String> codes = new TreeSet<>();
            list.forEach(p -> codes.addAll(p.areaCodes()));
            return names.areaNames(codes)
                    .map(areaNames -> LibraryTable.of(list, "en".equals(lang), areaNames, policy::departmentName,
                            planYear == null ? "项目库" : planYear + "年度项目库"));
        });
    }

    private static void checkArea(String areaCode) {
        if (areaCode != null && !areaCode.matches("\\d{1,24}")) {
            throw new TijianException(ProjectError.BAD_QUERY, "areaCode must be digits: " + areaCode);
        }
    }

    private static String fileName(Integer planYear, String extension) {
        return (planYear == null ? "project-library" : "project-library-" + planYear) + "." + extension;
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
