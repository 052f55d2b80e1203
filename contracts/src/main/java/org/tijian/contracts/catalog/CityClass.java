package org.tijian.contracts.catalog;

/** A city's administrative class (城市类别); some standards differ by it (e.g. U27, U30). */
public enum CityClass {
    PROVINCIAL_CAPITAL("省会城市"),
    PREFECTURE_CITY("地级市"),
    COUNTY("县级市/县");

    private final String nameZh;

    CityClass(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
