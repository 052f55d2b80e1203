package org.tijian.evaluation.indicator;

/**
 * The classes of the city an area lies in, which decide which of an indicator's standards applies.
 *
 * @param cityClass a {@link org.tijian.contracts.catalog.CityClass} name, or null when not recorded
 * @param sizeClass a {@link org.tijian.contracts.catalog.CitySizeClass} name, or null when not recorded
 */
public record CityClassification(String cityClass, String sizeClass) {

    public static final CityClassification UNKNOWN = new CityClassification(null, null);
}
