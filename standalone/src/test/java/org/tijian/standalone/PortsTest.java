package org.tijian.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void theMessageNamesThePortItsRoleAndAWayOut() {
        assertEquals("port 8080 (gateway) is already in use; stop what uses it or start with --port-offset=100",
                Ports.inUseMessage(8080, "gateway", 0));
        assertEquals("port 15532 (PostgreSQL) is already in use; stop what uses it or start with --port-offset=200",
                Ports.inUseMessage(15532, "PostgreSQL", 100));
    }

    @Test
    void everyPortMovesWithTheOffset() {
        Map<Integer, String> plan = Ports.plan(100);

        assertEquals(List.of(8180, 8181, 8182, 8183, 8184, 8189, 15532, 19192, 19193), List.copyOf(plan.keySet()));
        assertEquals("gateway", plan.get(8180));
        assertEquals("Kafka controller", plan.get(19193));
    }

    @Test
    void anOffsetThatPushesAPortPast65535IsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Ports.plan(65535 - 19093 + 1));
    }

    @Test
    void aPortSomeoneListensOnIsNotFree() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertFalse(Ports.isFree(taken.getLocalPort()));
        }
    }

    @Test
    void aClosedPortIsFreeAgain() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertTrue(Ports.isFree(port));
    }
}
