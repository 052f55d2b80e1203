package org.tijian.kit.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CSV with a header row. UTF-8 with or without BOM, or GBK (what Chinese office software
 * writes): a file that is not valid UTF-8 is read as GBK. Quoted cells (RFC 4180) may hold commas and
 * doubled quotes, not line breaks. Blank lines are skipped but counted, so row numbers match the file.
 */
public final class CsvTabularReader implements TabularReader {

    private static final Charset GBK = Charset.forName("GBK");

    private final BufferedReader lines;
    private final List<String> header;
    private final Charset charset;
    private int rowNumber = 1;

    private CsvTabularReader(BufferedReader lines, List<String> header, Charset charset) {
        this.lines = lines;
        this.header = header;
        this.charset = charset;
    }

    /** @return a reader, or null if the file has no header row */
    public static CsvTabularReader open(Path file) throws IOException {
        Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : GBK;
        BufferedReader lines = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset), 1 << 16);
        String first = lines.readLine();
        if (first != null && first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        if (first == null || first.isBlank()) {
            lines.close();
            return null;
        }
        List<String> header = new ArrayList<>();
        for (String name : CsvLine.cells(first)) {
            header.add(name.strip().toLowerCase(Locale.ROOT));
        }
        return new CsvTabularReader(lines, header, charset);
    }

    public Charset charset() {
        return charset;
    }

    public List<String> header() {
        return List.copyOf(header);
    }

    @Override
    public TabularRecord next() throws IOException {
        String line;
        do {
            line = lines.readLine();
            rowNumber++;
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        List<String> cells = CsvLine.cells(line);
        if (cells.size() != header.size()) {
            return new TabularRecord.Unreadable(rowNumber, cells.size() + " cells, header has " + header.size());
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            fields.put(header.get(i), cells.get(i));
        }
        return new TabularRecord.Fields(rowNumber, fields);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /** Decodes the whole file strictly as UTF-8 without keeping it. */
    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            ByteBuffer pending = ByteBuffer.allocate(buffer.length + 8);
            CharBuffer sink = CharBuffer.allocate(buffer.length + 8);
            int read;
            while ((read = in.read(buffer)) > 0) {
                pending.put(buffer, 0, read).flip();
                var result = decoder.decode(pending, sink, false);
                if (result.isError()) {
                    return false;
                }
                pending.compact();
                sink.clear();
            }
            pending.flip();
            return !decoder.decode(pending, sink, true).isError() && !pending.hasRemaining();
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
