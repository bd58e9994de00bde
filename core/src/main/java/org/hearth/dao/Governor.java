package org.hearth.dao;

/**
 * An OpenZeppelin Governor as Hearth checked it: its name and version, counting mode, voting token,
 * timelock (null when it executes directly) and clock (ERC-6372: block numbers or timestamps).
 * Addresses are EIP-55.
 */
public record Governor(String address, String name, String version, String countingMode, String token, String timelock,
                       Clock clock) {

    /** What the governor's timepoints (vote start and end, snapshots) count. */
    public enum Clock {
        BLOCK_NUMBER, TIMESTAMP;

        /** ERC-6372 {@code CLOCK_MODE()}: {@code mode=timestamp} or {@code mode=blocknumber&from=default}; no answer means block numbers. */
        public static Clock parse(String clockMode) {
            if (clockMode == null || clockMode.isBlank()) {
                return BLOCK_NUMBER;
            }
            for (String part : clockMode.split("&")) {
                if (part.strip().equals("mode=timestamp")) {
                    return TIMESTAMP;
                }
            }
            return BLOCK_NUMBER;
        }
    }
}
