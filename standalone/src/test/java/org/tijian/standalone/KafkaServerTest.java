package org.tijian.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaServerTest {

    private static Properties serverProperties(Path logDirs, int port, int controllerPort) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(KafkaServer.serverProperties(logDirs, port, controllerPort)));
        return properties;
    }

    @Test
    void oneNodeIsBrokerAndControllerOnTheOffsetPorts() throws IOException {
        Properties properties = serverProperties(Path.of("/data/kafka/data"), 19192, 19193);

        assertEquals("broker,controller", properties.getProperty("process.roles"));
        assertEquals("1", properties.getProperty("node.id"));
        assertEquals("1@localhost:19193", properties.getProperty("controller.quorum.voters"));
        assertEquals("PLAINTEXT://localhost:19192,CONTROLLER://localhost:19193", properties.getProperty("listeners"));
        assertEquals("PLAINTEXT://localhost:19192", properties.getProperty("advertised.listeners"));
        assertEquals("CONTROLLER", properties.getProperty("controller.listener.names"));
        assertEquals("/data/kafka/data", properties.getProperty("log.dirs"));
    }

    @Test
    void internalTopicsHaveOneReplicaAndGroupsStartWithoutDelay() throws IOException {
        Properties properties = serverProperties(Path.of("/d"), 19092, 19093);

        for (String key : new String[] {"offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
                "share.coordinator.state.topic.min.isr", "default.replication.factor", "min.insync.replicas"}) {
            assertEquals("1", properties.getProperty(key), key);
        }
        assertEquals("0", properties.getProperty("group.initial.rebalance.delay.ms"));
        assertEquals("6", properties.getProperty("num.partitions"));
    }

    @Test
    void otherLoggingBindingsStayOffTheBrokersClasspath() {
        assertTrue(KafkaServer.isForeignLoggingBinding("log4j-slf4j2-impl-2.25.4.jar"));
        assertTrue(KafkaServer.isForeignLoggingBinding("log4j-to-slf4j-2.25.4.jar"));
        assertTrue(KafkaServer.isForeignLoggingBinding("slf4j-reload4j-2.0.18.jar"));
        assertFalse(KafkaServer.isForeignLoggingBinding("logback-classic-1.5.34.jar"));
        assertFalse(KafkaServer.isForeignLoggingBinding("log4j-core-2.25.4.jar"));
        assertFalse(KafkaServer.isForeignLoggingBinding("kafka_2.13-4.1.2.jar"));
    }
}
