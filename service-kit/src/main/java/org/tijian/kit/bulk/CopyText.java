package org.tijian.kit.bulk;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Builds rows in PostgreSQL's COPY text format: tab-separated fields, {@code \N} for null, backslash escapes.
 * Writes UTF-8 as it goes: a chunk holding one Chinese character would otherwise be kept as UTF-16 and
 * encoded again as a whole, which cost a sixth of a large import's reading.
 */
public final class CopyText {

    private byte[] out;
    private int length;
    private boolean firstField = true;

    public CopyText(int capacity) {
        this.out = new byte[Math.max(capacity, 16)];
    }

    public CopyText field(String value) {
        separate();
        if (value == null) {
            ascii('\\');
            ascii('N');
            return this;
        }
        ensure(value.length() * 3 + 2);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped('\\');
                case '\t' -> escaped('t');
                case '\n' -> escaped('n');
                case '\r' -> escaped('r');
                default -> {
                    if (c < 0x80) {
                        out[length++] = (byte) c;
                    } else if (c < 0x800) {
                        out[length++] = (byte) (0xC0 | (c >> 6));
                        out[length++] = (byte) (0x80 | (c & 0x3F));
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        int codePoint = Character.toCodePoint(c, value.charAt(++i));
                        out[length++] = (byte) (0xF0 | (codePoint >> 18));
                        out[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                        out[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                        out[length++] = (byte) (0x80 | (codePoint & 0x3F));
                    } else if (Character.isSurrogate(c)) {
                        out[length++] = (byte) '?';
                    } else {
                        out[length++] = (byte) (0xE0 | (c >> 12));
                        out[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                        out[length++] = (byte) (0x80 | (c & 0x3F));
                    }
                }
            }
        }
        return this;
    }

    public CopyText field(Object value) {
        if (value instanceof BigDecimal decimal) {
            return field(decimal.toPlainString());
        }
        return field(value == null ? null : value.toString());
    }

    public CopyText field(long value) {
        separate();
        String digits = Long.toString(value);
        ensure(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            out[length++] = (byte) digits.charAt(i);
        }
        return this;
    }

    public CopyText endRow() {
        ascii('\n');
        firstField = true;
        return this;
    }

    /** @return the bytes written so far */
    public int length() {
        return length;
    }

    public byte[] utf8() {
        return Arrays.copyOf(out, length);
    }

    private void escaped(char c) {
        out[length++] = '\\';
        out[length++] = (byte) c;
    }

    private void ascii(char c) {
        ensure(1);
        out[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }

    private void separate() {
        if (!firstField) {
            ascii('\t');
        }
        firstField = false;
    }
}
