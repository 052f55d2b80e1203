package org.tijian.kit.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogDigestTest {

    @Test
    void areaDigestHashesTheDocumentedColumnsWithNumericsNormalised() {
        assertThat(CatalogDigest.areaDigestSql("area")).isEqualTo("select count(*) as count, coalesce(sum(hashtextextended("
                + "row(code, name_zh, level, parent_code, city_class, size_class, population, trim_scale(built_up_area_km2),"
                + " trim_scale(residential_land_area_km2))::text, 0)), 0)::text as digest from area");
    }

    @Test
    void indicatorDigestHashesCodeRevisionAndRetirement() {
        assertThat(CatalogDigest.indicatorDigestSql("indicator_copy")).isEqualTo("select count(*) as count,"
                + " coalesce(sum(hashtextextended(row(code, revision, retired)::text, 0)), 0)::text as digest"
                + " from indicator_copy");
    }
}
