package org.hearth.node;

import java.util.Map;

/**
 * What {@link DemoWorld#ensure} found or did: contract name to checksummed address (in deployment
 * order), whether it deployed now, whether it funded the address now, and how long it took.
 */
public record DemoWorldResult(long chainId, Map<String, String> contracts, boolean deployedNow, boolean fundedNow, long millis) {
}
