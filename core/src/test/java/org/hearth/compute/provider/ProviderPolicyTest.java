package org.hearth.compute.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderPolicyTest {

    @Test
    void scheduleWindowsIncludingOnesPastMidnight() {
        ProviderPolicy night = new ProviderPolicy(false, false, 50, 22, 6);
        assertTrue(night.allowsHour(23) && night.allowsHour(0) && night.allowsHour(5));
        assertFalse(night.allowsHour(6) || night.allowsHour(12) || night.allowsHour(21));
        ProviderPolicy office = new ProviderPolicy(false, false, 50, 9, 17);
        assertTrue(office.allowsHour(9) && office.allowsHour(16));
        assertFalse(office.allowsHour(17) || office.allowsHour(8));
        assertTrue(ProviderPolicy.DEFAULT.allowsHour(3));
    }

    @Test
    void storedAsTextAndDamagedTextFallsBackToTheDefault() {
        ProviderPolicy p = new ProviderPolicy(false, true, 35, 1, 7);
        assertEquals(p, ProviderPolicy.decode(p.encode()));
        assertEquals(ProviderPolicy.DEFAULT, ProviderPolicy.decode("true,false,5000,1,2"));
        assertEquals(ProviderPolicy.DEFAULT, ProviderPolicy.decode("garbage"));
        assertThrows(IllegalArgumentException.class, () -> new ProviderPolicy(true, true, 5, 0, 24));
    }

    @Test
    void theGateNamesWhyItPauses() {
        ProviderPolicy p = new ProviderPolicy(true, true, 80, 8, 20);
        assertEquals(Optional.empty(), PolicyGate.pauseReason(p, new MachineState(0.05, false, 12)));
        assertTrue(PolicyGate.pauseReason(p, new MachineState(0.05, false, 21)).orElseThrow().startsWith("outside the schedule"));
        assertEquals("running on battery", PolicyGate.pauseReason(p, new MachineState(0.05, true, 12)).orElseThrow());
        assertTrue(PolicyGate.pauseReason(p, new MachineState(0.6, false, 12)).orElseThrow().contains("60%"));
        ProviderPolicy always = new ProviderPolicy(false, false, 80, 0, 24);
        assertEquals(Optional.empty(), PolicyGate.pauseReason(always, new MachineState(0.9, true, 3)));
    }
}
