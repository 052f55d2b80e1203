package org.tijian.kit.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void writesCopyTextAsUtf8WithEscapesAndNulls() {
        CopyText text = new CopyText(4);
        text.field(7L).field("万平方米").field((String) null).field("a\tb\\c\nd\re").field(new BigDecimal("1E+3"))
                .field("𠀋 emoji 😀").endRow();
        String expected = "7\t万平方米\t\\N\ta\\tb\\\\c\\nd\\re\t1000\t𠀋 emoji 😀\n";
        ByteBuf utf8 = text.utf8();
        assertThat(new String(ByteBufUtil.getBytes(utf8), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(utf8.readableBytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void writesTimesToTheMicrosecondArraysAndBoxedValues() {
        CopyText text = new CopyText(4);
        text.field(Instant.parse("2025-03-01T08:00:00.123456789Z")).field(Instant.parse("2026-12-31T23:59:09Z"))
                .field((Instant) null)
                .arrayField(List.of("H01", "a\"b", "c\\d", "e,f")).arrayField(List.of())
                .arrayField(Arrays.asList("x", null)).arrayField(null)
                .arrayField(List.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000001")))
                .field(UUID.fromString("0190a1b2-0000-7000-8000-000000000002")).field(Integer.valueOf(42))
                .field((Object) 7L).field((Object) "x\ty").field((Object) null).endRow();
        // The array's own escapes (\" and \\) are escaped once more for COPY (a backslash doubled).
        String expected = "2025-03-01 08:00:00.123456+00\t2026-12-31 23:59:09.000000+00\t\\N\t{\"H01\",\"a\\\\\"b\",\"c\\\\\\\\d\",\"e,f\"}\t{}"
                + "\t{\"x\",NULL}\t\\N\t{0190a1b2-0000-7000-8000-000000000001}\t0190a1b2-0000-7000-8000-000000000002"
                + "\t42\t7\tx\\ty\t\\N\n";
        assertThat(new String(ByteBufUtil.getBytes(text.utf8()), StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
