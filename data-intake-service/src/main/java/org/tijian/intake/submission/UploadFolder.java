package org.tijian.intake.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where uploads wait for their import: one folder per service process, so that the files of a process
 * that was killed (and whose batches are marked FAILED) can be removed at the next start without touching
 * those of another instance on the same host.
 */
public final class UploadFolder {

    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "tijian-intake-uploads");
    private static final long PID = ProcessHandle.current().pid();

    /** A new empty file for an upload. */
    public static Path newFile(String prefix, String suffix) throws IOException {
        Path folder = Files.createDirectories(ROOT.resolve(Long.toString(PID)));
        return Files.createTempFile(folder, prefix, suffix);
    }

    /** Deletes the folders of processes that no longer run. @return how many */
    static int removeLeftovers() {
        if (!Files.isDirectory(ROOT)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(ROOT)) {
            for (Path folder : folders) {
                if (!belongsToLiveProcess(folder)) {
                    deleteTree(folder);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    private static boolean belongsToLiveProcess(Path folder) {
        try {
            long pid = Long.parseLong(folder.getFileName().toString());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private UploadFolder() {
    }
}
