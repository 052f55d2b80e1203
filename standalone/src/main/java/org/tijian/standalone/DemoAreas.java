package org.tijian.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's area tree, as the evaluation service imports it: Jiangxi's real divisions (the province,
 * 11 cities, 100 districts and counties, 1,767 streets and townships; statistical codes of 2023) with
 * the cities' classes and populations, and below one street of Donghu district, 滕王阁街道, a few
 * generated communities, compounds and buildings whose codes extend their parent's by three digits.
 */
final class DemoAreas {

    static final String HEADER = "code,name,level,parent_code,city_class,population";
    /** A copy of shared/domain/areas-jiangxi/jiangxi-divisions-2023.csv: code,name,level,parent_code. */
    static final String DIVISIONS = "demo/jiangxi-divisions-2023.csv";
    static final String CAPITAL = "3601";
    /** 东湖区滕王阁街道, the street the generated communities lie in. */
    static final String STREET = "360102002";

    /** Resident population at the end of 2023, approximately (the cities' statistical bulletins give it in 万人). */
    private static final Map<String, Long> CITY_POPULATION = Map.ofEntries(
            Map.entry("3601", 6_568_200L), Map.entry("3602", 1_617_500L), Map.entry("3603", 1_799_300L),
            Map.entry("3604", 4_547_300L), Map.entry("3605", 1_198_700L), Map.entry("3606", 1_156_700L),
            Map.entry("3607", 8_974_600L), Map.entry("3608", 4_388_300L), Map.entry("3609", 4_933_300L),
            Map.entry("3610", 3_580_800L), Map.entry("3611", 6_406_600L));

    private record Compound(String name, long population, int buildings) {
    }

    private record Community(String name, long population, List<Compound> compounds) {
    }

    /** Invented, but of the kind found around 滕王阁: riverside estates, old work-unit compounds, new blocks. */
    private static final List<Community> COMMUNITIES = List.of(
            new Community("沿江社区", 6_820, List.of(
                    new Compound("沿江花园", 1_860, 6),
                    new Compound("滕王阁小区", 1_240, 4))),
            new Community("榕门社区", 7_350, List.of(
                    new Compound("榕门新村", 1_580, 5),
                    new Compound("仿古街宿舍", 620, 3),
                    new Compound("章江苑", 2_100, 6))),
            new Community("孺子亭社区", 5_930, List.of(
                    new Compound("孺子亭小区", 1_420, 4),
                    new Compound("电力宿舍", 760, 3))));

    /** One row of the import file; {@code parentCode}, {@code cityClass} and {@code population} may be empty or null. */
    record Area(String code, String name, String level, String parentCode, String cityClass, Long population) {

        String csvRow() {
            return String.join(",", code, name, level, parentCode, cityClass == null ? "" : cityClass,
                    population == null ? "" : population.toString());
        }
    }

    private DemoAreas() {
    }

    /** Every area, parents before children. */
    static List<Area> all() {
        List<Area> areas = new ArrayList<>();
        for (String[] division : divisions()) {
            String code = division[0];
            String level = division[2];
            String cityClass = !level.equals("CITY") ? null
                    : code.equals(CAPITAL) ? "PROVINCIAL_CAPITAL" : "PREFECTURE_CITY";
            areas.add(new Area(code, division[1], level, division[3], cityClass, CITY_POPULATION.get(code)));
            if (code.equals(STREET)) {
                areas.addAll(generated());
            }
        }
        return areas;
    }

    /** The communities, compounds and buildings below {@link #STREET}. */
    static List<Area> generated() {
        List<Area> areas = new ArrayList<>();
        for (int c = 0; c < COMMUNITIES.size(); c++) {
            Community community = COMMUNITIES.get(c);
            String communityCode = STREET + "%03d".formatted(c + 1);
            areas.add(new Area(communityCode, community.name(), "COMMUNITY", STREET, null, community.population()));
            for (int p = 0; p < community.compounds().size(); p++) {
                Compound compound = community.compounds().get(p);
                String compoundCode = communityCode + "%03d".formatted(p + 1);
                areas.add(new Area(compoundCode, compound.name(), "COMPOUND", communityCode, null, compound.population()));
                for (int b = 1; b <= compound.buildings(); b++) {
                    areas.add(new Area(compoundCode + "%03d".formatted(b), compound.name() + b + "栋", "BUILDING",
                            compoundCode, null, null));
                }
            }
        }
        return areas;
    }

    /** The import file: {@link #HEADER}, then {@link #all()}. */
    static String csv() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Area area : all()) {
            csv.append(area.csvRow()).append('\n');
        }
        return csv.toString();
    }

    private static List<String[]> divisions() {
        InputStream in = DemoAreas.class.getResourceAsStream(DIVISIONS);
        if (in == null) {
            throw new IllegalStateException("resource " + DIVISIONS + " is missing from the launcher's jar");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DIVISIONS, e);
        }
        return rows;
    }
}
