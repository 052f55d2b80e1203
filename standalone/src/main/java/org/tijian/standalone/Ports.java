package org.tijian.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ports the platform listens on, each its base port plus the configured offset. */
public final class Ports {

    public static final int GATEWAY = 8080;
    public static final int DATA_INTAKE = 8081;
    public static final int EVALUATION = 8082;
    public static final int LEDGER = 8083;
    public static final int PROJECT_LIBRARY = 8084;
    public static final int ISSUER = 8089;
    public static final int POSTGRES = 15432;
    public static final int KAFKA = 19092;
    public static final int KAFKA_CONTROLLER = 19093;

    /** The step a user is told to add to the offset when a port is taken. */
    static final int SUGGESTED_OFFSET_STEP = 100;

    private static final int HIGHEST_BASE = KAFKA_CONTROLLER;

    private Ports() {
    }

    /** Every port with its role, in the order they are checked. */
    public static Map<Integer, String> plan(int offset) {
        checkOffset(offset);
        Map<Integer, String> plan = new LinkedHashMap<>();
        plan.put(GATEWAY + offset, "gateway");
        plan.put(DATA_INTAKE + offset, "data-intake-service");
        plan.put(EVALUATION + offset, "evaluation-service");
        plan.put(LEDGER + offset, "ledger-service");
        plan.put(PROJECT_LIBRARY + offset, "project-library-service");
        plan.put(ISSUER + offset, "token issuer");
        plan.put(POSTGRES + offset, "PostgreSQL");
        plan.put(KAFKA + offset, "Kafka");
        plan.put(KAFKA_CONTROLLER + offset, "Kafka controller");
        return Collections.unmodifiableMap(plan);
    }

    public static void checkOffset(int offset) {
        if (offset < 0 || HIGHEST_BASE + offset > 65535) {
            throw new IllegalArgumentException("port offset must be between 0 and " + (65535 - HIGHEST_BASE)
                    + ", not " + offset);
        }
    }

    /** Fails on the first port of the plan that something else already listens on. */
    public static void checkFree(int offset) {
        plan(offset).forEach((port, role) -> {
            if (!isFree(port)) {
                throw new PortInUseException(port, inUseMessage(port, role, offset));
            }
        });
    }

    static String inUseMessage(int port, String role, int offset) {
        return "port " + port + " (" + role + ") is already in use; stop what uses it or start with --port-offset="
                + (offset + SUGGESTED_OFFSET_STEP);
    }

    /**
     * Free when this process can bind it both on loopback and on every interface: a server
     * bound to either one would make our own server's bind fail later.
     */
    static boolean isFree(int port) {
        return canBind(InetAddress.getLoopbackAddress(), port) && canBind(anyAddress(), port);
    }

    private static boolean canBind(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // like the servers themselves: a TIME_WAIT leftover does not count
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetAddress anyAddress() {
        try {
            return InetAddress.getByName("0.0.0.0");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port the platform needs is taken; the message says which and what to do. */
    public static final class PortInUseException extends IllegalStateException {

        private final int port;

        PortInUseException(int port, String message) {
            super(message);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }
}
