package org.tijian.kit.export;

/** The language of a list's headers and fixed terms; Chinese unless asked otherwise ({@code lang=en}). */
public enum ExportLanguage {
    ZH, EN;

    public static ExportLanguage of(String tag) {
        return tag != null && tag.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? EN : ZH;
    }
}
