package org.tijian.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.catalog.AreaDefined;
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

    private final GeneratedProvince province;
    private final List<String> generated = new ArrayList<>();
    private int realAreas;

    private NanchangAreas(GeneratedProvince province) {
        this.province = province;
        forEachArea(area -> {
            if (area.level().ordinal() > AreaLevel.STREET.ordinal()) {
                generated.add(area.code());
            } else {
                realAreas++;
            }
        });
    }

    /** At least {@code count} generated areas (communities, compounds and buildings). */
    static NanchangAreas withAtLeast(int count) {
        long streets = GeneratedProvince.realDivisions().stream()
                .filter(d -> d[2].equals("STREET") && d[0].startsWith(CITY)).count();
        int fixedPerStreet = COMMUNITIES_PER_STREET + COMMUNITIES_PER_STREET * COMPOUNDS_PER_COMMUNITY;
        int compoundsPerStreet = COMMUNITIES_PER_STREET * COMPOUNDS_PER_COMMUNITY;
        long perStreet = (count + streets - 1) / streets;
        int buildings = (int) Math.max(1, (perStreet - fixedPerStreet + compoundsPerStreet - 1) / compoundsPerStreet);
        return new NanchangAreas(GeneratedProvince.perStreet(COMMUNITIES_PER_STREET, COMPOUNDS_PER_COMMUNITY, buildings));
    }

    /** Every area of the import, real ones included. */
    int areaCount() {
        return realAreas + generated.size();
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
            forEachArea(area -> {
                try {
                    out.write(String.join(",", area.code(), area.nameZh(), area.level().name(),
                            area.parentCode() == null ? "" : area.parentCode(),
                            area.cityClass() == null ? "" : area.cityClass(),
                            area.population() == null ? "" : area.population().toString()));
                    out.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The province (36) and Nanchang's subtree of test-support's generated Jiangxi, parents first. */
    private void forEachArea(Consumer<AreaDefined> sink) {
        province.forEachArea(area -> {
            if (area.code().equals("36") || area.code().startsWith(CITY)) {
                sink.accept(area);
            }
        });
    }
}
