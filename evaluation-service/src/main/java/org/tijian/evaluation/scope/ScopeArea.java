package org.tijian.evaluation.scope;

import org.tijian.contracts.AreaLevel;

/**
 * What the area tree says about one code listed in a scope, read for the listed codes only.
 *
 * @param cityCode the area's ancestor of level CITY, null if it has none
 * @param streetCode the area itself if it is a street, else its nearest street ancestor; null if none
 */
public record ScopeArea(String code, String nameZh, AreaLevel level, String cityCode, String streetCode) {
}
