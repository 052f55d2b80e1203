package org.tijian.ledger.list;

/** The language of a list's headers and fixed terms; Chinese unless asked otherwise ({@code lang=en}). */
public enum ListLanguage {
    ZH, EN;

    public static ListLanguage of(String tag) {
        return tag != null && tag.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? EN : ZH;
    }
}
