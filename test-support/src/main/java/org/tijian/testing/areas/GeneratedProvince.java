package org.tijian.testing.areas;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.catalog.AreaDefined;

/**
 * Jiangxi's real divisions (1 province, 11 cities, 100 districts, 1,767 streets, NBS codes of 2023)
 * with generated communities, compounds and buildings below every street, whose codes extend their
 * parent's code by three digits. {@code perStreet(3, 4, 9)} gives about 217,000 areas;
 * {@code perStreet(5, 8, 28)} about 2.06 million.
 */
public final class GeneratedProvince {

    public static final String HEADER = "code,name,level,parent_code,city_class,population";

    private final int communitiesPerStreet;
    private final int compoundsPerCommunity;
    private final int buildingsPerCompound;

    private GeneratedProvince(int communities, int compounds, int buildings) {
        this.communitiesPerStreet = communities;
        this.compoundsPerCommunity = compounds;
        this.buildingsPerCompound = buildings;
    }

    public static GeneratedProvince perStreet(int communities, int compoundsPerCommunity, int buildingsPerCompound) {
        return new GeneratedProvince(communities, compoundsPerCommunity, buildingsPerCompound);
    }

    /** The real divisions as rows {code, name, level, parent_code}. */
    public static List<String[]> realDivisions() {
        List<String[]> rows = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                GeneratedProvince.class.getResourceAsStream("/areas/jiangxi-divisions-2023.csv"), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public long areaCount() {
        long streets = realDivisions().stream().filter(r -> r[2].equals("STREET")).count();
        long perStreet = communitiesPerStreet + (long) communitiesPerStreet * compoundsPerCommunity
                + (long) communitiesPerStreet * compoundsPerCommunity * buildingsPerCompound;
        return realDivisions().size() + streets * perStreet;
    }

    /** Writes the province as an import CSV, parents before children. */
    public Path writeCsv(Path file, Charset charset) {
        try (BufferedWriter out = Files.newBufferedWriter(file, charset)) {
            out.write(HEADER);
            out.newLine();
            forEachRow((code, name, level, parentCode, cityClass, population) -> {
                try {
                    out.write(String.join(",", code, name, level, parentCode, cityClass == null ? "" : cityClass,
                            population == null ? "" : population.toString()));
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

    /**
     * Every area as the evaluation service publishes it on {@code catalog.areas.v1}, parents before children: the
     * same areas as {@link #writeCsv}, with city classes and populations, and no areas or size classes.
     */
    public void forEachArea(Consumer<AreaDefined> area) {
        forEachRow((code, name, level, parentCode, cityClass, population) -> area.accept(new AreaDefined(code, name,
                AreaLevel.valueOf(level), parentCode.isEmpty() ? null : parentCode, cityClass, population, null, null,
                null)));
    }

    private interface RowSink {
        void row(String code, String name, String level, String parentCode, String cityClass, Long population);
    }

    private void forEachRow(RowSink out) {
        for (String[] division : realDivisions()) {
            String cityClass = division[2].equals("CITY") ? (division[0].equals("3601") ? "PROVINCIAL_CAPITAL" : "PREFECTURE_CITY") : null;
            out.row(division[0], division[1], division[2], division[3], cityClass, null);
            if (division[2].equals("STREET")) {
                rowsBelow(out, division[0], division[1]);
            }
        }
    }

    private void rowsBelow(RowSink out, String street, String streetName) {
        for (int c = 1; c <= communitiesPerStreet; c++) {
            String community = street + "%03d".formatted(c);
            out.row(community, streetName + "第" + c + "社区", "COMMUNITY", street, null, 3000L + c * 17);
            for (int p = 1; p <= compoundsPerCommunity; p++) {
                String compound = community + "%03d".formatted(p);
                out.row(compound, "第" + c + "社区" + p + "号小区", "COMPOUND", community, null, 600L + p * 13);
                for (int b = 1; b <= buildingsPerCompound; b++) {
                    out.row(compound + "%03d".formatted(b), p + "号小区" + b + "栋", "BUILDING", compound, null, null);
                }
            }
        }
    }
}
