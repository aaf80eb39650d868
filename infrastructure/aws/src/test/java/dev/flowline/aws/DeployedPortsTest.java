package dev.flowline.aws;

import dev.flowline.engine.EnginePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployed wiring runs every action on real parts: no port of the engine {@link AwsEngine} builds is one of the
 * simulator's stand-ins, which keep effects in memory and would let the history say an action succeeded that no
 * service saw. (Engine events and wake-ups are the test's own here: the emulators have no bus and no scheduler.)
 */
@ExtendWith(EmbeddedAws.class)
class DeployedPortsTest {

    @Test
    void noPortOfTheDeployedEngineIsASimulationStandIn(EmbeddedAws.Environment aws) throws Exception {
        EnginePorts ports = aws.engine().build().engine().ports();
        var standIns = new ArrayList<String>();
        for (RecordComponent component : EnginePorts.class.getRecordComponents()) {
            Object port = component.getAccessor().invoke(ports);
            String type = port == null ? "" : port.getClass().getName();
            if (type.startsWith("dev.flowline.engine.simulation.") || type.contains("StandIn")) {
                standIns.add(component.getName() + ": " + type);
            }
        }

        assertThat(standIns).isEmpty();
    }
}
