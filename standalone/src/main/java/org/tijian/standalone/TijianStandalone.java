package org.tijian.standalone;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.tijian.kit.security.dev.DemoUser;

/**
 * {@code java -jar tijian-standalone.jar [--data-dir=PATH] [--port-offset=N] [--demo]}: starts the
 * platform, prints where everything is, and stops it all on Ctrl-C.
 */
public final class TijianStandalone {

    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private static final PrintStream OUT = utf8(FileDescriptor.out);
    private static final PrintStream ERR = utf8(FileDescriptor.err);

    private TijianStandalone() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "tijian-standalone-logback.xml");
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            ERR.println(e.getMessage());
            ERR.println();
            ERR.println(usage());
            System.exit(EXIT_USAGE);
            return;
        }
        if (options.help()) {
            OUT.println(usage());
            return;
        }

        PlatformConfig config = PlatformConfig.builder()
                .dataDir(options.dataDir())
                .portOffset(options.portOffset())
                .build();
        OUT.println("Starting Tijian " + Platform.VERSION + " with data in " + config.dataDir() + " ...");
        Platform platform;
        try {
            platform = Platform.start(config);
        } catch (Ports.PortInUseException e) {
            ERR.println(e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        } catch (RuntimeException e) {
            ERR.println("Tijian did not start: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            System.exit(EXIT_FAILED);
            return;
        }
        // Platform has its own hook that stops everything; this one only tells the user.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println("Stopping Tijian ...");
            platform.close();
            OUT.println("Tijian stopped.");
        }, "tijian-standalone-stop"));

        OUT.println(summary(platform));
        if (options.demo()) {
            loadDemo(platform);
        }
        OUT.println();
        OUT.println("Tijian is running. Press Ctrl-C to stop.");
        new CountDownLatch(1).await(); // until Ctrl-C
    }

    static String summary(Platform platform) {
        PlatformConfig config = platform.config();
        StringBuilder text = new StringBuilder();
        text.append(System.lineSeparator())
                .append("Tijian ").append(Platform.VERSION).append(" is up; it started in ")
                .append(Platform.seconds(platform.startupTime().toNanos())).append('.').append(System.lineSeparator())
                .append(System.lineSeparator());
        List<String> services = new ArrayList<>(config.services());
        if (services.remove(ServiceProcess.GATEWAY)) {
            line(text, "gateway", platform.gatewayUrl());
            line(text, "web console (工作台)", platform.gatewayUrl() + "/console/");
            line(text, "API documentation", platform.gatewayUrl() + "/api-docs");
        }
        for (String service : services) {
            line(text, service, platform.serviceUrl(service));
        }
        line(text, "token issuer", platform.issuerUrl());
        line(text, "Kafka", platform.kafkaBootstrapServers());
        line(text, "PostgreSQL", "localhost:" + config.port(Ports.POSTGRES) + "  (user tijian, password tijian)");
        line(text, "data", config.dataDir().toString());
        line(text, "logs", config.logsDir().toString());
        text.append(System.lineSeparator()).append("Demo users:").append(System.lineSeparator());
        for (DemoUser user : platform.issuer().users()) {
            text.append(String.format("  %-20s %-22s %s%n", user.username(),
                    String.join(",", user.roles().stream().map(Enum::name).toList()), user.name()));
        }
        text.append(System.lineSeparator()).append("Get a token (then send it as \"Authorization: Bearer <token>\"):")
                .append(System.lineSeparator())
                .append("  curl -s -X POST ").append(platform.issuerUrl()).append("/token -d username=water-dept")
                .append(System.lineSeparator())
                .append("  (or through the gateway: curl -s -X POST ").append(platform.gatewayUrl())
                .append("/auth/token -d username=water-dept)");
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-26s %s%n", label, value));
    }

    private static void loadDemo(Platform platform) {
        OUT.println();
        try {
            Optional<DemoCity.Loaded> loaded = DemoCity.loadOnce(platform, OUT::println);
            if (loaded.isPresent()) {
                OUT.println(demoSummary(loaded.get()));
            } else {
                OUT.println("Demo city already loaded (delete " + platform.dataDir().resolve(DemoCity.MARKER)
                        + " to load it again).");
            }
        } catch (RuntimeException e) {
            ERR.println();
            ERR.println("Demo city not loaded: " + e.getMessage());
        }
    }

    static String demoSummary(DemoCity.Loaded loaded) {
        StringBuilder text = new StringBuilder();
        text.append("Demo city loaded: ").append(loaded.areas()).append(" areas (Jiangxi, down to buildings in 滕王阁街道), ")
                .append(loaded.batches().size()).append(" batches, ").append(loaded.rows()).append(" rows accepted:")
                .append(System.lineSeparator());
        for (DemoCity.Accepted batch : loaded.batches()) {
            text.append(String.format("  %-15s %-8s %3d rows  %s%n", batch.submission().submitter(),
                    batch.submission().kind(), batch.rows(), batch.submission().fileName()));
        }
        text.append("Failing values become problems in the ledger within seconds: GET /api/ledger/problems?areaCode=3601&checkYear=")
                .append(DemoCity.CHECK_YEAR).append(" as nanchang-official.");
        return text.toString();
    }

    static String usage() {
        return """
                Usage: java -jar tijian-standalone.jar [--data-dir=PATH] [--port-offset=N] [--demo] [--help]

                Starts the whole Tijian platform on this machine: PostgreSQL, Kafka, the token issuer,
                four services and the gateway. Data is kept, so a restart finds it again.

                  --data-dir=PATH    where data and logs are kept (default ./tijian-data)
                  --port-offset=N    add N to every port (default 0: gateway 8080, services 8081-8084,
                                     issuer 8089, PostgreSQL 15432, Kafka 19092 and 19093)
                  --demo             load a small demo city (Nanchang) once
                  --help             print this text""";
    }

    /** The command-line options; {@link #parse} throws IllegalArgumentException for anything else. */
    record Options(Path dataDir, int portOffset, boolean demo, boolean help) {

        static Options parse(String... args) {
            Path dataDir = PlatformConfig.DEFAULT_DATA_DIR;
            int portOffset = 0;
            boolean demo = false;
            boolean help = false;
            for (String arg : args) {
                if (arg.startsWith("--data-dir=")) {
                    String value = arg.substring("--data-dir=".length());
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--data-dir needs a path, e.g. --data-dir=./tijian-data");
                    }
                    dataDir = Path.of(value);
                } else if (arg.startsWith("--port-offset=")) {
                    portOffset = portOffset(arg.substring("--port-offset=".length()));
                } else if (arg.equals("--demo")) {
                    demo = true;
                } else if (arg.equals("--help") || arg.equals("-h")) {
                    help = true;
                } else {
                    throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            return new Options(dataDir, portOffset, demo, help);
        }

        private static int portOffset(String value) {
            try {
                int offset = Integer.parseInt(value.trim());
                Ports.checkOffset(offset);
                return offset;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port-offset needs a whole number, e.g. --port-offset=100");
            }
        }
    }

    private static PrintStream utf8(FileDescriptor descriptor) {
        return new PrintStream(new FileOutputStream(descriptor), true, StandardCharsets.UTF_8);
    }
}
