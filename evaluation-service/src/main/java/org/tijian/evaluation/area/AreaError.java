package org.tijian.evaluation.area;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/** Error codes of the area tree and its imports. Row-level codes group the rows of an import summary. */
public enum AreaError implements ErrorCode {
    EMPTY_FILE(define("AREA_E3001", 422, "文件为空或只有表头", "The file is empty or has only a header")),
    MALFORMED_ROW(define("AREA_E3002", 422, "第 {0} 行格式错误：{1}", "Row {0} is malformed: {1}")),
    MISSING_FIELD(define("AREA_E3003", 422, "第 {0} 行缺少字段 {1}", "Row {0} lacks field {1}")),
    UNKNOWN_LEVEL(define("AREA_E3004", 422, "第 {0} 行的层级 {1} 无效", "Row {0} has an unknown level {1}")),
    MALFORMED_NUMBER(define("AREA_E3005", 422, "第 {0} 行的 {1} 不是有效数字", "Row {0}: {1} is not a valid number")),
    MALFORMED_CODE(define("AREA_E3006", 422, "第 {0} 行的区域代码 {1} 格式错误（1–32 位字母、数字、- 或 _）",
            "Row {0}: area code {1} is malformed (1-32 letters, digits, - or _)")),
    DUPLICATE_CODE(define("AREA_E3007", 422, "第 {0} 行的区域代码 {1} 在文件中重复出现", "Row {0}: area code {1} appears twice in the file")),
    UNKNOWN_PARENT(define("AREA_E3008", 422, "第 {0} 行的上级区域 {1} 不存在", "Row {0}: parent area {1} does not exist")),
    MISSING_PARENT(define("AREA_E3009", 422, "第 {0} 行：只有省级区域可以没有上级", "Row {0}: only a province may have no parent")),
    LEVEL_ORDER(define("AREA_E3010", 422, "第 {0} 行：{1} 的层级必须低于其上级", "Row {0}: {1} must be of a lower level than its parent")),
    CYCLE(define("AREA_E3011", 422, "第 {0} 行：区域 {1} 的上级关系形成循环", "Row {0}: the parents of area {1} form a cycle")),
    UNSUPPORTED_FORMAT(define("AREA_E3012", 415, "不支持的文件格式 {0}：请上传 CSV（text/csv）或 JSON（application/json）",
            "Unsupported format {0}: upload CSV (text/csv) or JSON (application/json)")),
    IMPORT_NOT_FOUND(define("AREA_E3013", 404, "未找到导入任务 {0}", "Import job {0} not found")),
    AREA_NOT_FOUND(define("AREA_E3014", 404, "未找到区域 {0}", "Area {0} not found")),
    CHILDREN_ABOVE(define("AREA_E3015", 422, "第 {0} 行：区域 {1} 的下级区域层级将不低于它", "Row {0}: area {1} would no longer be above its existing children")),
    UNKNOWN_CITY_CLASS(define("AREA_E3016", 422, "第 {0} 行的城市类别 {1} 无效（PROVINCIAL_CAPITAL、PREFECTURE_CITY、COUNTY）",
            "Row {0}: unknown city class {1} (PROVINCIAL_CAPITAL, PREFECTURE_CITY, COUNTY)")),
    UNKNOWN_SIZE_CLASS(define("AREA_E3017", 422, "第 {0} 行的城市规模 {1} 无效（SUPER_LARGE、MEGA、LARGE、MEDIUM、SMALL）",
            "Row {0}: unknown city size class {1} (SUPER_LARGE, MEGA, LARGE, MEDIUM, SMALL)"));

    private final Definition definition;

    AreaError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
