package org.hearth.wallet.vault;

/**
 * Argon2id cost parameters for deriving the vault key from the password. They are stored in each
 * vault file, so a file written with other parameters still opens. Injected, never guessed from the
 * environment: tests that are about something else pass small ones explicitly.
 *
 * @param memoryKiB   memory in KiB (at least 8 per lane, at most 4 GiB)
 * @param iterations  passes over memory (1 to 100)
 * @param parallelism lanes (1 to 16)
 */
public record VaultParams(int memoryKiB, int iterations, int parallelism) {

    /** RFC 9106's second recommended option: 64 MiB, 3 passes, 4 lanes. */
    public static final VaultParams DEFAULT = new VaultParams(64 * 1024, 3, 4);

    /** Upper bounds also applied when reading a file, so a hostile file cannot hang or exhaust memory. */
    public static final long MAX_MEMORY_KIB = 4L * 1024 * 1024;
    public static final int MAX_ITERATIONS = 100;
    public static final int MAX_PARALLELISM = 16;

    public VaultParams {
        String problem = problem(memoryKiB, iterations, parallelism);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why these values are unusable, or null when they are fine. */
    static String problem(long memoryKiB, long iterations, long parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            return "Argon2 parallelism " + parallelism + " is outside 1.." + MAX_PARALLELISM;
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            return "Argon2 iterations " + iterations + " is outside 1.." + MAX_ITERATIONS;
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            return "Argon2 memory " + memoryKiB + " KiB is outside " + 8 * parallelism + ".." + MAX_MEMORY_KIB + " KiB";
        }
        return null;
    }
}
