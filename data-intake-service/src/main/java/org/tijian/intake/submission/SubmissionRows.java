package org.tijian.intake.submission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.kit.error.ErrorCode;
import org.tijian.kit.imports.RowProblem;
import org.tijian.kit.tabular.TabularRecord;

/**
 * Reads one record of an uploaded table into a {@link StagedRow}, or says why it cannot. Only what a
 * single row shows is checked here (fields present, numbers readable, codes well formed); everything
 * that needs the catalog, the area tree or other rows is checked in the database.
 *
 * <p>Columns, by English name in any case with or without underscores, or by the Chinese header:
 * VALUE {@code dataElement/数据项, areaCode/区域代码, value/数值, unit/单位, note/备注};
 * FINDING {@code indicator/指标, areaCode, findingType/问题类型, severity/严重程度, description/问题描述,
 * appraisalReference/鉴定报告, attachments/附件} (attachments separated by ; or |);
 * SURVEY {@code areaCode, topic/主题, value (满意度 %), respondents/样本量, note};
 * HOTLINE {@code areaCode, topic, value (投诉量), channel/渠道 (default 12345), note}.
 */
final class SubmissionRows {

    private static final Pattern ATTACHMENT_SEPARATOR = Pattern.compile("\\s*[;|；\\n]\\s*");
    private static final List<String> SEVERITIES = List.of("MINOR", "MAJOR", "SEVERE");
    private static final Map<String, String> SEVERITY_ZH = Map.of("一般", "MINOR", "较重", "MAJOR", "严重", "SEVERE");

    private final ObservationKind kind;
    private final boolean withdrawing;
    SubmissionRows(ObservationKind kind, ImportStrategy strategy) {
        this.kind = kind;
        this.withdrawing = strategy == ImportStrategy.DELETE;
    }

    /** @return a {@link StagedRow} or a {@link RowProblem} */
    Object read(TabularRecord record) {
        if (record instanceof TabularRecord.Unreadable unreadable) {
            return new RowProblem(unreadable.rowNumber(), SubmissionError.MALFORMED_ROW, unreadable.reason());
        }
        TabularRecord.Fields fields = (TabularRecord.Fields) record;
        Row row = new Row(fields.rowNumber(), fields.values());
        try {
            return switch (kind) {
                case VALUE -> row.staged(row.code("dataElement", "data_element", "数据项"), "", row.unit(), null);
                case FINDING -> finding(row);
                case SURVEY -> row.staged(row.code("topic", "topic", "主题"), "", "%",
                        detail("respondents", row.wholeNumber("respondents", "respondents", "样本量")));
                case HOTLINE -> row.staged(row.code("topic", "topic", "主题"), channel(row), "件", null);
            };
        } catch (Invalid invalid) {
            return invalid.problem;
        }
    }

    /** Two to 24 digits; by hand rather than by regular expression, since it runs for every row of a million. */
    static boolean isAreaCode(String code) {
        int length = code.length();
        if (length < 2 || length > 24) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A letter, then up to 63 letters, digits, '_', '.' or '-'. */
    static boolean isCode(String code) {
        int length = code.length();
        if (length < 1 || length > 64 || !isAsciiLetter(code.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = code.charAt(i);
            if (!isAsciiLetter(c) && (c < '0' || c > '9') && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private StagedRow finding(Row row) {
        String indicator = row.code("indicator", "indicator_code", "指标");
        String findingType = row.optional("findingType", "finding_type", "问题类型");
        String severity = row.optional("severity", "severity", "严重程度");
        List<String> attachments = new ArrayList<>();
        String attachmentText = row.optional("attachments", "attachments", "附件");
        if (attachmentText != null) {
            for (String reference : ATTACHMENT_SEPARATOR.split(attachmentText)) {
                if (!reference.isBlank()) {
                    attachments.add(reference);
                }
            }
        }
        String areaCode = row.areaCode();
        if (withdrawing) {
            return new StagedRow(row.number, areaCode, indicator, "", null, null, null, null);
        }
        if (severity == null) {
            throw row.invalid(SubmissionError.MISSING_FIELD, "severity");
        }
        String normalized = SEVERITY_ZH.getOrDefault(severity, severity.toUpperCase(java.util.Locale.ROOT));
        if (!SEVERITIES.contains(normalized)) {
            throw row.invalid(SubmissionError.MALFORMED_VALUE, severity);
        }
        StringBuilder detail = new StringBuilder("{");
        member(detail, "findingType", findingType).append(',');
        member(detail, "severity", normalized).append(',');
        member(detail, "description", row.optional("description", "description", "问题描述")).append(',');
        member(detail, "appraisalReference", row.optional("appraisalReference", "appraisal_reference", "鉴定报告"));
        detail.append(",\"attachments\":[");
        for (int i = 0; i < attachments.size(); i++) {
            quoted(detail.append(i == 0 ? "" : ","), attachments.get(i));
        }
        detail.append("]}");
        return new StagedRow(row.number, areaCode, indicator, "", BigDecimal.ONE, null,
                row.optional("note", "note", "备注"), detail.toString());
    }

    private static StringBuilder member(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        return value == null ? json.append("null") : quoted(json, value);
    }

    /** A JSON string literal; the detail column is jsonb, which checks what we build. */
    private static StringBuilder quoted(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }

    private String channel(Row row) {
        String channel = row.optional("channel", "channel", "渠道");
        return channel == null ? "12345" : channel;
    }

    private String detail(String name, Long value) {
        return value == null ? null : "{\"" + name + "\":" + value + "}";
    }

    /** One record's fields, looked up by their English or Chinese column names. */
    private final class Row {

        final int number;
        final Map<String, String> values;

        Row(int number, Map<String, String> values) {
            this.number = number;
            this.values = values;
        }

        /** @param unit the row's unit, or the kind's fixed unit */
        StagedRow staged(String subject, String qualifier, String unit, String detail) {
            String areaCode = areaCode();
            if (withdrawing) {
                return new StagedRow(number, areaCode, subject, qualifier, null, null, null, null);
            }
            BigDecimal value = number("value", "value", "数值");
            return new StagedRow(number, areaCode, subject, qualifier, value, unit, optional("note", "note", "备注"),
                    detail);
        }

        String unit() {
            return optional("unit", "unit", "单位");
        }

        String areaCode() {
            String code = required("areaCode", "area_code", "区域代码");
            if (!isAreaCode(code)) {
                throw invalid(SubmissionError.MALFORMED_AREA_CODE, code);
            }
            return code;
        }

        String code(String name, String snake, String chinese) {
            String code = required(name, snake, chinese);
            if (!isCode(code)) {
                throw invalid(SubmissionError.MALFORMED_CODE, code);
            }
            return code;
        }

        BigDecimal number(String name, String snake, String chinese) {
            String text = required(name, snake, chinese);
            try {
                return new BigDecimal(text.replace(",", "").replace("，", "").trim());
            } catch (NumberFormatException e) {
                throw invalid(SubmissionError.MALFORMED_VALUE, text);
            }
        }

        Long wholeNumber(String name, String snake, String chinese) {
            String text = optional(name, snake, chinese);
            if (text == null) {
                return null;
            }
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw invalid(SubmissionError.MALFORMED_VALUE, text);
            }
        }

        String required(String name, String snake, String chinese) {
            String value = optional(name, snake, chinese);
            if (value == null) {
                throw invalid(SubmissionError.MISSING_FIELD, name);
            }
            return value;
        }

        /** CSV headers arrive in lower case, JSON members as written. */
        String optional(String name, String snake, String chinese) {
            String value = values.get(name);
            if (value == null) {
                value = values.get(name.toLowerCase(java.util.Locale.ROOT));
            }
            if (value == null) {
                value = values.get(snake);
            }
            if (value == null) {
                value = values.get(chinese);
            }
            if (value == null) {
                return null;
            }
            String trimmed = value.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }

        Invalid invalid(ErrorCode error, String value) {
            return new Invalid(new RowProblem(number, error, value));
        }
    }

    private static final class Invalid extends RuntimeException {

        final RowProblem problem;

        Invalid(RowProblem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }
}
