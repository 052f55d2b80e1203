package org.tijian.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tijian.testing.areas.GeneratedProvince;

/**
 * Nanchang (3601) as an area import: its real districts and 139 streets (from test-support's Jiangxi
 * divisions), with generated communities, compounds and buildings below every street, whose codes extend
 * their parent's by three digits, enough of them for the benchmark's keys. The demo departments may report
 * for 3601, so every area is in their scope.
 */
final class NanchangAreas {

    static final String CITY = "3601";
    private static final int COMMUNITIES_PER_STREET = 6;
    private static final int COMPOUNDS_PER_COMMUNITY = 6;

    private final List<String[]> real;
    private final int buildingsPerCompound;
    private final List<String> generated = new ArrayList<>();

    private NanchangAreas(List<String[]> real, int buildingsPerCompound) {
        this.real = real;
        this.buildingsPerCompound = buildingsPerCompound;
        for (String[] division : real) {
            if (division[2].equals("STREET")) {
                forEachBelow(division[0], division[1], (code, name, level, parent, population) -> generated.add(code));
            }
        }
    }

    /** At least {@code count} generated areas (communities, compounds and buildings). */
    static NanchangAreas withAtLeast(int count) {
        List<String[]> real = new ArrayList<>();
        for (String[] division : GeneratedProvince.realDivisions()) {
            if (division[0].equals("36") || division[0].startsWith(CITY)) {
                real.add(division);
            }
        }
        long streets = real.stream().filter(d -> d[2].equals("STREET")).count();
        int fixedPerStreet = COMMUNITIES_PER_STREET + COMMUNITIES_PER_STREET * COMPOUNDS_PER_COMMUNITY;
        int compoundsPerStreet = COMMUNITIES_PER_STREET * COMPOUNDS_PER_COMMUNITY;
        long perStreet = (count + streets - 1) / streets;
        int buildings = (int) Math.max(1, (perStreet - fixedPerStreet + compoundsPerStreet - 1) / compoundsPerStreet);
        return new NanchangAreas(real, buildings);
    }

    /** Every area of the import, real ones included. */
    int areaCount() {
        return real.size() + generated.size();
    }

    /** The generated areas' codes in file order; the benchmark's keys are drawn from them. */
    List<String> generatedCodes() {
        return generated;
    }

    /** The import CSV of evaluation-service ({@code code,name,level,parent_code,city_class,population}), parents first. */
    Path writeImportCsv(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(GeneratedProvince.HEADER);
            out.newLine();
            for (String[] division : real) {
                String cityClass = division[0].equals(CITY) ? "PROVINCIAL_CAPITAL" : "";
                out.write(String.join(",", division[0], division[1], division[2], division[3], cityClass, ""));
                out.newLine();
            }
            for (String[] division : real) {
                if (!division[2].equals("STREET")) {
                    continue;
                }
                forEachBelow(division[0], division[1], (code, name, level, parent, population) -> {
                    try {
                        out.write(String.join(",", code, name, level, parent, "",
                                population == null ? "" : population.toString()));
                        out.newLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private interface AreaSink {
        void area(String code, String name, String level, String parent, Long population);
    }

    private void forEachBelow(String street, String streetName, AreaSink out) {
        for (int c = 1; c <= COMMUNITIES_PER_STREET; c++) {
            String community = street + "%03d".formatted(c);
            out.area(community, streetName + "第" + c + "社区", "COMMUNITY", street, 3000L + c * 17);
            for (int p = 1; p <= COMPOUNDS_PER_COMMUNITY; p++) {
                String compound = community + "%03d".formatted(p);
                out.area(compound, "第" + c + "社区" + p + "号小区", "COMPOUND", community, 600L + p * 13);
                for (int b = 1; b <= buildingsPerCompound; b++) {
                    out.area(compound + "%03d".formatted(b), p + "号小区" + b + "栋", "BUILDING", compound, null);
                }
            }
        }
    }
}
