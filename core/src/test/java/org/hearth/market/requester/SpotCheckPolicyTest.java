package org.hearth.market.requester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.hearth.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BOINC-style trust per provider, kept in a real SQLite file: new providers always checked, trusted ones sampled, one bad result resets. */
class SpotCheckPolicyTest {

    private static final String PROVIDER = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
    private static final String OTHER = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";

    @TempDir
    Path dir;

    @Test
    void newProvidersAreAlwaysCheckedTrustedOnesSampledAndOneBadResultResets() {
        ProviderTrustRepository trust = new ProviderTrustRepository(Database.open(dir.resolve("hearth.db")));
        SpotCheckPolicy policy = SpotCheckPolicy.seeded(10, 0.1, 42);
        ProviderTrust fresh = trust.find(1, PROVIDER);
        assertEquals(ProviderTrust.fresh(PROVIDER), fresh);
        for (int i = 0; i < 9; i++) {
            assertEquals(1.0, policy.checkRate(trust.find(1, PROVIDER)), "still new after " + i + " good results");
            assertTrue(policy.shouldCheck(trust.find(1, PROVIDER)));
            trust.recordValid(1, PROVIDER);
        }
        trust.recordValid(1, PROVIDER);
        assertEquals(1.0, policy.checkRate(trust.find(1, PROVIDER)), "the 10th good result makes it trusted at rate 10/10");
        for (int i = 0; i < 10; i++) {
            trust.recordValid(1, PROVIDER);
        }
        assertEquals(0.5, policy.checkRate(trust.find(1, PROVIDER)), 1e-12, "20 in a row: half checked");
        for (int i = 0; i < 200; i++) {
            trust.recordValid(1, PROVIDER);
        }
        assertEquals(0.1, policy.checkRate(trust.find(1, PROVIDER)), 1e-12, "never below the floor");

        ProviderTrust trusted = trust.find(1, PROVIDER);
        int sampled = 0;
        for (int i = 0; i < 10_000; i++) {
            sampled += policy.shouldCheck(trusted) ? 1 : 0;
        }
        assertTrue(sampled > 900 && sampled < 1100, "about one in ten checked: " + sampled);

        trust.recordUnchecked(1, PROVIDER);
        ProviderTrust reset = trust.recordInvalid(1, PROVIDER, "77");
        assertEquals(0, reset.validStreak(), "one bad result resets trust");
        assertEquals(220, reset.verified());
        assertEquals(1, reset.failed());
        assertEquals(1, reset.unchecked());
        assertEquals("77", reset.lastFailedJob());
        assertEquals(1.0, policy.checkRate(reset));

        // Kept per chain and per provider, across reopening the database.
        ProviderTrustRepository reopened = new ProviderTrustRepository(Database.open(dir.resolve("hearth.db")));
        assertEquals(reset, reopened.find(1, PROVIDER.toLowerCase(java.util.Locale.ROOT)));
        assertEquals(ProviderTrust.fresh(PROVIDER), reopened.find(2, PROVIDER));
        assertEquals(ProviderTrust.fresh(OTHER), reopened.find(1, OTHER));
    }
}
