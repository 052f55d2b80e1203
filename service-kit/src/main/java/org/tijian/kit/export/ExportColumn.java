package org.tijian.kit.export;

/** A column of an exported list, with the header users know (Chinese) and its English form. */
public record ExportColumn(String zh, String en) {

    public String header(ExportLanguage language) {
        return language == ExportLanguage.EN ? en : zh;
    }
}
