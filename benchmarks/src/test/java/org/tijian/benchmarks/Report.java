package org.tijian.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run: one table (measurement, figure, floor, met?) and notes, printed and written as Markdown. */
final class Report {

    private final String title;
    private final List<String> preamble = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(String title) {
        this.title = title;
    }

    void context(String line) {
        preamble.add(line);
    }

    /** A figure without a floor. */
    void figure(String measurement, String figure) {
        rows.add(new String[] {measurement, figure, "", ""});
    }

    /** A figure with the floor it is compared with; whether it is met is printed, never asserted. */
    void figure(String measurement, String figure, String floor, boolean met) {
        rows.add(new String[] {measurement, figure, floor, met ? "yes" : "**no**"});
    }

    void note(String line) {
        notes.add(line);
    }

    String markdown() {
        StringBuilder out = new StringBuilder("## ").append(title).append("\n\n");
        for (String line : preamble) {
            out.append(line).append("  \n");
        }
        out.append("\n| measurement | figure | floor | met? |\n|---|---|---|---|\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            for (String line : notes) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    void printAndWrite(Path file) {
        String text = markdown();
        System.out.println();
        System.out.println(text);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            System.out.println("written to " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%,." + digits + "f", value);
    }
}
