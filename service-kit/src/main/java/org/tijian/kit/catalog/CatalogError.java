package org.tijian.kit.catalog;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/** Errors of the catalog copy's read API, the same in every service that keeps the copy. */
public enum CatalogError implements ErrorCode {
    /** No area of that code has reached this service's copy (or it was deleted from the topic). */
    AREA_NOT_IN_COPY(define("CATALOG_E0601", 404, "区域不在本服务的副本中：{0}", "Area not in this service's copy: {0}")),
    /** No indicator of that code has reached this service's copy; a withdrawn indicator stays, marked retired. */
    INDICATOR_NOT_IN_COPY(define("CATALOG_E0602", 404, "指标不在本服务的副本中：{0}",
            "Indicator not in this service's copy: {0}"));

    private final Definition definition;

    CatalogError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
