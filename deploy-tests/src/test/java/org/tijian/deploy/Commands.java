package org.tijian.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the deployment tools (docker-compose, promtool, kubectl) and fails with their output when they fail. */
final class Commands {

    /** The repository's root: the tests run in the module's folder. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static String run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError(command[0] + " cannot be run; .ci/run installs it (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Commands() {
    }
}
