package org.tijian.kit.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class TabularReadersTest {

    @TempDir
    Path dir;

    private static List<TabularRecord> all(TabularReader reader) throws Exception {
        List<TabularRecord> records = new ArrayList<>();
        TabularRecord record;
        while ((record = reader.next()) != null) {
            records.add(record);
        }
        reader.close();
        return records;
    }

    @Test
    void gbkIsDetectedRowNumbersCountTheHeaderAndBlankLinesAndBadLinesAreReported() throws Exception {
        Path file = dir.resolve("gbk.csv");
        Files.write(file, "Data_Element,Area,Value\nU01,\"南昌市, 东湖区\",62\n\nU02,3601\n"
                .getBytes(Charset.forName("GBK")));

        CsvTabularReader reader = CsvTabularReader.open(file);
        List<TabularRecord> records = all(reader);

        assertThat(reader.charset().name()).isEqualTo("GBK");
        assertThat(reader.header()).containsExactly("data_element", "area", "value");
        assertThat(records.get(0)).isEqualTo(new TabularRecord.Fields(2,
                java.util.Map.of("data_element", "U01", "area", "南昌市, 东湖区", "value", "62")));
        assertThat(records.get(1)).isEqualTo(new TabularRecord.Unreadable(4, "2 cells, header has 3"));
    }

    @Test
    void utf8WithBomIsUtf8AndAHeaderlessFileHasNoReader() throws Exception {
        Path bom = Files.writeString(dir.resolve("bom.csv"), "\uFEFFcode,name\n36,江西省\n", StandardCharsets.UTF_8);
        Path empty = Files.writeString(dir.resolve("empty.csv"), "\n");

        CsvTabularReader reader = CsvTabularReader.open(bom);

        assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(((TabularRecord.Fields) all(reader).get(0)).values()).containsEntry("name", "江西省");
        assertThat(CsvTabularReader.open(empty)).isNull();
    }

    @Test
    void jsonObjectsAreRecordsWithNestedValuesAsTextAndASyntaxErrorEndsTheFile() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Path file = Files.writeString(dir.resolve("rows.json"), """
                [{"code": "3601", "population": 6500000, "geometry": {"type": "Point"}, "note": null},
                 42,
                 {"code": "3602",""");

        List<TabularRecord> records = all(JsonTabularReader.open(json, file));

        assertThat(((TabularRecord.Fields) records.get(0)).values()).containsEntry("population", "6500000")
                .containsEntry("geometry", "{\"type\":\"Point\"}").doesNotContainKey("note");
        assertThat(records.get(1)).isEqualTo(new TabularRecord.Unreadable(2, "not an object"));
        assertThat(records.get(2)).isInstanceOf(TabularRecord.Unreadable.class).extracting(TabularRecord::rowNumber)
                .isEqualTo(3);
        assertThat(records).hasSize(3);
    }

    @Test
    void jsonThatIsNotAnArrayIsRefusedAndAnEmptyFileHasNoReader() throws Exception {
        JsonMapper json = JsonMapper.builder().build();

        assertThatThrownBy(() -> JsonTabularReader.open(json, Files.writeString(dir.resolve("o.json"), "{}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonTabularReader.open(json, Files.writeString(dir.resolve("x.json"), "{not json")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonTabularReader.open(json, Files.writeString(dir.resolve("e.json"), ""))).isNull();
    }
}
