package org.tijian.evaluation.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tijian.contracts.AreaLevel;
import org.tijian.kit.tabular.CsvTabularReader;
import org.tijian.kit.tabular.JsonTabularReader;
import tools.jackson.databind.json.JsonMapper;

class AreaFileReadersTest {

    @TempDir
    Path dir;

    private static List<AreaRow> all(AreaRowReader reader) throws Exception {
        List<AreaRow> rows = new ArrayList<>();
        AreaRow row;
        while ((row = reader.next()) != null) {
            rows.add(row);
            assertThat(rows.size()).as("rows so far: %s", rows).isLessThan(10);
        }
        reader.close();
        return rows;
    }

    @Test
    void jsonArrayIsReadObjectByObject() throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), """
                [{"code": "3696", "nameZh": "测试市", "level": "city", "parentCode": "36", "population": 1200000,
                  "builtUpAreaKm2": 88.5, "geometry": {"type": "Point", "coordinates": [115.9, 28.7]}},
                 {"code": "369601", "name": "测试区", "level": "DISTRICT", "parentCode": "3696"}]""");

        List<AreaRow> rows = all(new TabularAreaReader(JsonTabularReader.open(JsonMapper.builder().build(), file)));

        assertThat(rows).hasSize(2).allMatch(r -> r instanceof AreaRow.Parsed);
        Area city = ((AreaRow.Parsed) rows.get(0)).area();
        assertThat(city.level()).isEqualTo(AreaLevel.CITY);
        assertThat(city.population()).isEqualTo(1_200_000L);
        assertThat(city.builtUpAreaKm2()).isEqualByComparingTo("88.5");
        assertThat(city.geometry()).contains("Point");
        assertThat(rows.get(1).row()).isEqualTo(2);
    }

    @Test
    void gbkCsvIsDetectedAndQuotedCellsKeepTheirCommas() throws Exception {
        Path file = dir.resolve("gbk.csv");
        Files.write(file, "code,name,level,parent_code\n3601,\"南昌市, 省会\",CITY,36\n3602,景德镇市,CITY\n"
                .getBytes(Charset.forName("GBK")));

        CsvTabularReader csv = CsvTabularReader.open(file);
        assertThat(csv.charset().name()).isEqualTo("GBK");
        List<AreaRow> rows = all(new TabularAreaReader(csv));

        assertThat(((AreaRow.Parsed) rows.get(0)).area().nameZh()).isEqualTo("南昌市, 省会");
        assertThat(((AreaRow.Rejected) rows.get(1)).problem().error()).isEqualTo(AreaError.MALFORMED_ROW);
        assertThat(rows.get(1).row()).isEqualTo(3);
    }

    @Test
    void utf8WithBomIsReadAsUtf8() throws Exception {
        Path file = Files.writeString(dir.resolve("bom.csv"), "\uFEFFcode,name,level\n36,江西省,PROVINCE\n",
                StandardCharsets.UTF_8);

        CsvTabularReader csv = CsvTabularReader.open(file);

        assertThat(csv.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(((AreaRow.Parsed) all(new TabularAreaReader(csv)).get(0)).area().nameZh()).isEqualTo("江西省");
    }
}
