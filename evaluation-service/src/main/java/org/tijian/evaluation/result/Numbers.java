package org.tijian.evaluation.result;

import java.math.BigDecimal;

/** Numbers as officials read them in a formula: thousands grouped by a space ("6 400 / 10 000"), no trailing zeros. */
final class Numbers {

    static String format(BigDecimal number) {
        String plain = number.stripTrailingZeros().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        boolean negative = whole.startsWith("-");
        String digits = negative ? whole.substring(1) : whole;
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(digits.charAt(i));
        }
        return (negative ? "-" : "") + grouped + fraction;
    }

    private Numbers() {
    }
}
