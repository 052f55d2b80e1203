package org.tijian.ledger.problem;

import java.util.List;
import org.tijian.contracts.AreaLevel;

/**
 * Where a problem lies below the district: the codes of its 街道 / 社区 / 小区 / 楼栋 (null above the area's level),
 * and the area's name path for 整治区域 when the ledger's copy of the area tree knows it.
 */
public record AreaPath(AreaLevel level, String streetCode, String communityCode, String compoundCode,
        String buildingCode, String namePath) {

    /** One ancestor (or the area itself) as the ledger's area copy holds it. */
    public record Node(String code, String nameZh, AreaLevel level) {
    }

    /** From the area copy's chain, top-down, ending with the area itself. */
    public static AreaPath of(List<Node> chain) {
        String street = null;
        String community = null;
        String compound = null;
        String building = null;
        StringBuilder names = new StringBuilder();
        for (Node node : chain) {
            if (node.level() == AreaLevel.STREET) {
                street = node.code();
            } else if (node.level() == AreaLevel.COMMUNITY) {
                community = node.code();
            } else if (node.level() == AreaLevel.COMPOUND) {
                compound = node.code();
            } else if (node.level() == AreaLevel.BUILDING) {
                building = node.code();
            }
            if (node.level() != AreaLevel.PROVINCE) {
                names.append(names.length() == 0 ? "" : "/").append(node.nameZh());
            }
        }
        return new AreaPath(chain.get(chain.size() - 1).level(), street, community, compound, building, names.toString());
    }

    /**
     * When the area copy does not (yet) know the area: the levels follow from the code's length (NBS codes: 2 province,
     * 4 city, 6 district, 9 street; each level below adds three digits); there is no name path.
     */
    public static AreaPath fromCode(String code, AreaLevel level) {
        return new AreaPath(level, prefix(code, 9), prefix(code, 12), prefix(code, 15), prefix(code, 18), null);
    }

    private static String prefix(String code, int length) {
        return code.length() >= length ? code.substring(0, length) : null;
    }
}
