package org.tijian.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city for {@code --demo}: Nanchang (南昌市) loaded through the same paths as real data. The
 * administrator imports Jiangxi's area tree ({@link DemoAreas}); once intake's copy of the tree and the
 * indicator catalog has caught up, each department submits its own file for check year 2025: values of
 * Nanchang and three districts (some meeting their standard, some not), the housing department's
 * structural-hazard findings in one compound, a resident survey and 12345 hotline figures. Loaded once
 * per data folder; the marker file {@code demo-loaded} records it.
 */
public final class DemoCity {

    static final String MARKER = "demo-loaded";
    static final int CHECK_YEAR = 2025;
    static final String ADMIN = "admin";

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(500);

    /**
     * One file as a department submits it to {@code POST /api/intake/submissions}.
     *
     * @param options query parameters beyond kind and check year, each starting with {@code &}
     */
    record Submission(String submitter, String kind, String fileName, String options, String csv) {

        String path() {
            return "/api/intake/submissions?kind=" + kind + "&checkYear=" + CHECK_YEAR + options + "&fileName="
                    + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
        }

        /** The same file gets the same key, so a load interrupted half way can simply run again. */
        String idempotencyKey() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest((submitter + '\n' + path() + '\n' + csv).getBytes(StandardCharsets.UTF_8));
                return "tijian-demo-" + HexFormat.of().formatHex(digest, 0, 12);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The data rows by column name (the demo's files quote nothing). */
        List<Map<String, String>> rows() {
            List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
            String[] header = lines.get(0).split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                rows.add(row);
            }
            return rows;
        }

        /** The areas the file reports on, and those of its coverage. */
        Set<String> areaCodes() {
            Set<String> codes = new LinkedHashSet<>();
            rows().forEach(row -> codes.add(row.get("areaCode")));
            for (String option : options.split("&")) {
                if (option.startsWith("coverage=")) {
                    codes.addAll(List.of(option.substring("coverage=".length()).split(",")));
                }
            }
            return codes;
        }

        /** The indicators the file reports on; data elements are named after their indicator (U01_COLLECTED). */
        Set<String> indicatorCodes() {
            Set<String> codes = new LinkedHashSet<>();
            for (Map<String, String> row : rows()) {
                String subject = kind.equals("VALUE") ? row.get("dataElement") : row.get("indicator");
                if (subject != null) {
                    codes.add(subject.split("_")[0]);
                }
            }
            return codes;
        }
    }

    /** A finished batch of the demo. */
    record Accepted(Submission submission, String status, long rows) {
    }

    /** What a load did: the areas imported and the batches accepted. */
    record Loaded(long areas, List<Accepted> batches) {

        long rows() {
            return batches.stream().mapToLong(Accepted::rows).sum();
        }
    }

    /*
     * The departments' files. Standards for 2025: U01 (sewage collection) and U03 (greenway coverage)
     * >= 70 %, U04 (sports ground per capita) >= 3.2 m², U07 (road density) >= 8 km/km², U24 (fire
     * station coverage) >= 75 %, U26 (shelter per capita) >= 2 m², C05 (parking shortfall) = 0. The
     * city's rows give the data elements too, as a statistics report would; only the indicator values
     * themselves are judged.
     */
    static final List<Submission> SUBMISSIONS = List.of(
            new Submission("water-dept", "VALUE", "南昌市水务局-2025年城市体检基础数据.csv",
                    "&sourceMethod=DEPARTMENT_STATISTICS", """
                    dataElement,areaCode,value,unit,note
                    U01_COLLECTED,3601,63104,吨/年,污水处理设施收集的生活污染物量（以BOD5计）
                    U01_PRODUCED,3601,98600,吨/年,城市生活污染物排放总量（以BOD5计）
                    U01,3601,64,%,全市：63104 ÷ 98600，未达标
                    U01,360102,78,%,东湖区
                    U01,360103,66,%,西湖区：老城区管网混错接较多，未达标
                    U01,360104,71,%,青云谱区
                    """),
            new Submission("urban-dept", "VALUE", "南昌市城市管理局-2025年城市体检基础数据.csv",
                    "&sourceMethod=REMOTE_SENSING", """
                    dataElement,areaCode,value,unit,note
                    U03_COVERED_RESIDENTIAL_LAND,3601,52.2,平方公里,绿道两侧1公里范围覆盖的居住用地
                    U03_RESIDENTIAL_LAND,3601,90,平方公里,建成区居住用地
                    U03,3601,58,%,全市：52.2 ÷ 90，未达标
                    U03,360102,74,%,东湖区：赣江、抚河沿岸绿道
                    U03,360103,61,%,西湖区，未达标
                    """),
            new Submission("sports-dept", "VALUE", "南昌市体育局-2025年城市体检基础数据.csv",
                    "&sourceMethod=DEPARTMENT_STATISTICS", """
                    dataElement,areaCode,value,unit,note
                    U04_SPORTS_GROUND_AREA,3601,13793000,平方米,全市体育场地面积
                    U04,3601,2.1,平方米/人,全市：13793000 ÷ 常住人口656.82万，未达标
                    U04,360104,3.4,平方米/人,青云谱区
                    """),
            new Submission("housing-dept", "VALUE", "南昌市住房和城乡建设局-2025年城市体检基础数据.csv",
                    "&sourceMethod=DEPARTMENT_STATISTICS", """
                    dataElement,areaCode,value,unit,note
                    U07_ROAD_LENGTH,3601,3024,公里,建成区城市道路长度
                    U07_BUILT_UP_AREA,3601,420,平方公里,建成区面积
                    U07,3601,7.2,公里/平方公里,全市：3024 ÷ 420，未达标
                    U07,360102,8.9,公里/平方公里,东湖区
                    U07,360104,8.6,公里/平方公里,青云谱区
                    C05_PARKING_SHORTFALL,360102002001001,0,个,沿江花园
                    C05_PARKING_SHORTFALL,360102002002001,46,个,榕门新村：夜间停车需求310个，现有泊位264个
                    """),
            new Submission("fire-dept", "VALUE", "南昌市消防救援支队-2025年城市体检基础数据.csv",
                    "&sourceMethod=DEPARTMENT_STATISTICS", """
                    dataElement,areaCode,value,unit,note
                    U24_COVERED_LAND,3601,344,平方公里,消防站5分钟可达范围内的建设用地
                    U24_CONSTRUCTION_LAND,3601,430,平方公里,城市建设用地
                    U24,3601,80,%,全市：344 ÷ 430
                    U24,360102,72,%,东湖区：老城区街巷狭窄，未达标
                    U24,360103,77,%,西湖区
                    """),
            new Submission("emergency-dept", "VALUE", "南昌市应急管理局-2025年城市体检基础数据.csv",
                    "&sourceMethod=DEPARTMENT_STATISTICS", """
                    dataElement,areaCode,value,unit,note
                    U26_EFFECTIVE_SHELTER_AREA,3601,15763700,平方米,全市应急避难场所有效避难面积
                    U26,3601,2.4,平方米/人,全市：15763700 ÷ 常住人口656.82万
                    U26,360102,2.2,平方米/人,东湖区
                    U26,360103,1.6,平方米/人,西湖区，未达标
                    """),
            // A field check of one old compound, 榕门新村: two of its five buildings have structural hazards.
            new Submission("housing-dept", "FINDING", "榕门新村房屋安全排查-2025.csv",
                    "&coverage=360102002002001&indicators=H01&sourceMethod=FIELD_CHECK", """
                    indicator,areaCode,findingType,severity,description,appraisalReference,attachments
                    H01,360102002002001002,STRUCTURAL_HAZARD,严重,1983年建砖混结构，承重墙多处贯通裂缝（最宽约3毫米），二层预制楼板下挠明显,南昌市房屋安全鉴定站 洪房鉴〔2025〕第0318号（C级）,榕门新村2栋-墙体裂缝.jpg;榕门新村2栋-楼板下挠.jpg
                    H01,360102002002001004,STRUCTURAL_HAZARD,较重,阳台挑梁根部混凝土剥落、钢筋锈蚀外露，有坠落风险,南昌市房屋安全鉴定站 洪房鉴〔2025〕第0321号（C级）,榕门新村4栋-阳台挑梁.jpg
                    """),
            // The residents' satisfaction survey (满意度, %) that the city check commissions, per community.
            new Submission("housing-dept", "SURVEY", "滕王阁街道居民满意度调查-2025.csv",
                    "&sourceMethod=SURVEY", """
                    areaCode,topic,value,respondents,note
                    360102002001,PROPERTY_MANAGEMENT,82.4,326,物业服务
                    360102002001,PARKING,68.5,326,停车便利
                    360102002001,GREENING,86.1,326,绿化环境
                    360102002001,ELDERLY_CARE,74.0,326,养老服务
                    360102002002,PROPERTY_MANAGEMENT,61.7,298,物业服务：榕门新村、仿古街宿舍无专业物业
                    360102002002,PARKING,52.3,298,停车便利
                    360102002002,GREENING,71.9,298,绿化环境
                    360102002002,ELDERLY_CARE,69.2,298,养老服务
                    360102002003,PROPERTY_MANAGEMENT,78.8,254,物业服务
                    360102002003,PARKING,63.0,254,停车便利
                    360102002003,GREENING,80.6,254,绿化环境
                    360102002003,ELDERLY_CARE,76.4,254,养老服务
                    """),
            // Complaints to the 12345 hotline in 2025 per street of Donghu district, which the hotline
            // centre passes to the housing department for the city check.
            new Submission("housing-dept", "HOTLINE", "东湖区12345热线诉求统计-2025.csv",
                    "&sourceMethod=DEPARTMENT_STATISTICS", """
                    areaCode,topic,value,channel,note
                    360102002,PARKING,214,12345,滕王阁街道：停车难、占道停车
                    360102002,PROPERTY_MANAGEMENT,167,12345,滕王阁街道：物业服务
                    360102002,NOISE,58,12345,滕王阁街道：噪声扰民
                    360102002,WATERLOGGING,37,12345,滕王阁街道：雨天积水
                    360102004,PARKING,189,12345,百花洲街道
                    360102004,PROPERTY_MANAGEMENT,122,12345,百花洲街道
                    360102004,NOISE,96,12345,百花洲街道：夜市噪声
                    360102004,WATERLOGGING,21,12345,百花洲街道
                    360102005,PARKING,143,12345,墩子塘街道
                    360102005,PROPERTY_MANAGEMENT,131,12345,墩子塘街道
                    360102005,NOISE,44,12345,墩子塘街道
                    360102005,WATERLOGGING,52,12345,墩子塘街道：低洼片区积水
                    360102006,PARKING,98,12345,大院街道
                    360102006,PROPERTY_MANAGEMENT,87,12345,大院街道
                    360102006,NOISE,39,12345,大院街道
                    360102006,WATERLOGGING,18,12345,大院街道
                    360102007,PARKING,176,12345,豫章街道
                    360102007,PROPERTY_MANAGEMENT,154,12345,豫章街道
                    360102007,NOISE,61,12345,豫章街道
                    360102007,WATERLOGGING,29,12345,豫章街道
                    360102008,PARKING,121,12345,董家窑街道
                    360102008,PROPERTY_MANAGEMENT,109,12345,董家窑街道
                    360102008,NOISE,47,12345,董家窑街道
                    360102008,WATERLOGGING,64,12345,董家窑街道：老旧管网排水不畅
                    360102009,PARKING,133,12345,彭家桥街道
                    360102009,PROPERTY_MANAGEMENT,118,12345,彭家桥街道
                    360102009,NOISE,52,12345,彭家桥街道
                    360102009,WATERLOGGING,26,12345,彭家桥街道
                    """));

    private DemoCity() {
    }

    /**
     * Loads the demo city unless this data folder has it already.
     *
     * @param progress told what is being done, one line at a time
     * @return what was loaded; empty if it had been before
     */
    public static Optional<Loaded> loadOnce(Platform platform, Consumer<String> progress) {
        Path marker = platform.dataDir().resolve(MARKER);
        if (Files.exists(marker)) {
            return Optional.empty();
        }
        Gateway gateway = new Gateway(platform);

        progress.accept("Importing the areas of Jiangxi (江西省) as " + ADMIN + " ...");
        long areas = importAreas(gateway);

        progress.accept("Waiting for data intake's copy of the areas and indicators ...");
        waitForIntakeCopy(gateway);

        progress.accept("Submitting " + SUBMISSIONS.size() + " files as the departments would ...");
        List<Accepted> batches = new ArrayList<>();
        for (Submission submission : SUBMISSIONS) {
            batches.add(submit(gateway, submission));
        }
        Loaded loaded = new Loaded(areas, List.copyOf(batches));
        try {
            Files.writeString(marker, "loaded " + areas + " areas, " + batches.size() + " batches, " + loaded.rows()
                    + " rows at " + Instant.now() + "; delete this file to load them again\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
        return Optional.of(loaded);
    }

    /** @return the areas the import created, updated or found unchanged */
    private static long importAreas(Gateway gateway) {
        Gateway.Response started = gateway.post(ADMIN, "/api/evaluation/area-imports", "text/csv", DemoAreas.csv(), null);
        started.expect(202);
        String job = "/api/evaluation/area-imports/" + started.json().get("id").asString();
        JsonNode done = await("the area import", () -> gateway.get(ADMIN, job).expect(200).json(),
                status -> !"RUNNING".equals(status.get("status").asString()));
        if (!"SUCCEEDED".equals(done.get("status").asString())) {
            throw new IllegalStateException("the area import ended " + done.get("status").asString() + ": " + done);
        }
        return done.get("created").asLong() + done.get("updated").asLong() + done.get("unchanged").asLong();
    }

    /** Intake checks every row against its copy of the tree and the catalog, which catches up through Kafka. */
    private static void waitForIntakeCopy(Gateway gateway) {
        Set<String> paths = new LinkedHashSet<>();
        for (Submission submission : SUBMISSIONS) {
            submission.areaCodes().forEach(code -> paths.add("/api/intake/areas/" + code));
            submission.indicatorCodes().forEach(code -> paths.add("/api/intake/catalog/indicators/" + code));
        }
        Set<String> missing = new LinkedHashSet<>(paths);
        await("data intake's copy of the areas and indicators", () -> {
            missing.removeIf(path -> gateway.get(ADMIN, path).status() == 200);
            return missing;
        }, Set::isEmpty);
    }

    private static Accepted submit(Gateway gateway, Submission submission) {
        Gateway.Response response = gateway.post(submission.submitter(), submission.path(), "text/csv; charset=utf-8",
                submission.csv(), submission.idempotencyKey());
        if (response.status() != 200 && response.status() != 201 && response.status() != 202) {
            throw new IllegalStateException(submission.fileName() + " was refused: " + response.status() + " "
                    + response.body());
        }
        JsonNode batch = response.json();
        if ("RUNNING".equals(batch.get("status").asString())) {
            String path = "/api/intake/submissions/" + batch.get("id").asString();
            batch = await(submission.fileName(), () -> gateway.get(submission.submitter(), path).expect(200).json(),
                    b -> !"RUNNING".equals(b.get("status").asString()));
        }
        String status = batch.get("status").asString();
        if (!"SUCCEEDED".equals(status)) {
            throw new IllegalStateException(submission.fileName() + " ended " + status + ": " + batch.get("errors"));
        }
        long rows = batch.get("created").asLong() + batch.get("updated").asLong() + batch.get("unchanged").asLong();
        return new Accepted(submission, status, rows);
    }

    /** Calls {@code probe} until {@code done} accepts what it returns, or gives up after {@link #PATIENCE}. */
    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + PATIENCE.toSeconds()
                        + " s; last seen: " + value);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    /** The gateway, called as one demo user or another. */
    private static final class Gateway {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final Platform platform;

        Gateway(Platform platform) {
            this.platform = platform;
        }

        record Response(String request, int status, String body) {

            Response expect(int expected) {
                if (status != expected) {
                    throw new IllegalStateException(request + " answered " + status + " " + body);
                }
                return this;
            }

            JsonNode json() {
                return JSON.readTree(body);
            }
        }

        Response get(String user, String path) {
            return send(user, path, HttpRequest.newBuilder().GET());
        }

        Response post(String user, String path, String contentType, String body, String idempotencyKey) {
            HttpRequest.Builder request = HttpRequest.newBuilder()
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            return send(user, path, request);
        }

        private Response send(String user, String path, HttpRequest.Builder request) {
            URI uri = URI.create(platform.gatewayUrl() + path);
            HttpRequest built = request.uri(uri)
                    .timeout(Duration.ofSeconds(90))
                    .header("Authorization", "Bearer " + platform.tokenFor(user))
                    .build();
            String described = built.method() + " " + path + " as " + user;
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(described, response.statusCode(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(described + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted: " + described, e);
            }
        }
    }
}
