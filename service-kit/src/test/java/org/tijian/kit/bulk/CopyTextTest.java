package org.tijian.kit.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
}
