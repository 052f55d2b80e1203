package org.tijian.ledger.list;

/** A column of an exported list, with the header users know (Chinese) and its English form. */
public record ListColumn(String zh, String en) {

    public String header(ListLanguage language) {
        return language == ListLanguage.EN ? en : zh;
    }
}
