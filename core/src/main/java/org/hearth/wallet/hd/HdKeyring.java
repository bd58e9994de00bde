package org.hearth.wallet.hd;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.hearth.wallet.mnemonic.Mnemonic;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * The BIP-32 tree of one seed. Inner nodes (for example m/44'/60'/0'/0) are derived once and kept, so
 * deriving many accounts costs one child derivation each. Holds private keys: keep it only while unlocked.
 */
public final class HdKeyring {

    /** Below this many addresses the fork/join overhead is larger than the gain. */
    private static final int PARALLEL_THRESHOLD = 64;

    private final Bip32ECKeyPair master;
    private final Map<DerivationPath, Bip32ECKeyPair> innerNodes = new ConcurrentHashMap<>();

    private HdKeyring(Bip32ECKeyPair master) {
        this.master = master;
    }

    /** From a BIP-32 seed (16 to 64 bytes; BIP-39 seeds are 64). */
    public static HdKeyring fromSeed(byte[] seed) {
        if (seed.length < 16 || seed.length > 64) {
            throw new IllegalArgumentException("A BIP-32 seed is 16 to 64 bytes, not " + seed.length);
        }
        return new HdKeyring(Bip32ECKeyPair.generateKeyPair(seed));
    }

    public static HdKeyring fromMnemonic(Mnemonic mnemonic, String passphrase) {
        byte[] seed = mnemonic.toSeed(passphrase);
        try {
            return fromSeed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The extended key pair at the path (for xpub export and tests). */
    public Bip32ECKeyPair node(DerivationPath path) {
        if (path.depth() == 0) {
            return master;
        }
        return childOf(innerNode(path.parent()), path.last());
    }

    private Bip32ECKeyPair innerNode(DerivationPath path) {
        if (path.depth() == 0) {
            return master;
        }
        Bip32ECKeyPair cached = innerNodes.get(path);
        if (cached != null) {
            return cached;
        }
        Bip32ECKeyPair node = childOf(innerNode(path.parent()), path.last());
        Bip32ECKeyPair raced = innerNodes.putIfAbsent(path, node);
        return raced != null ? raced : node;
    }

    private static Bip32ECKeyPair childOf(Bip32ECKeyPair parent, int segment) {
        // web3j skips BIP-32's "IL >= n or key = 0: use the next index" rule; the odds are below 2^-127.
        return Bip32ECKeyPair.deriveKeyPair(parent, new int[] {segment});
    }

    public DerivedKey derive(DerivationPath path) {
        Bip32ECKeyPair node = node(path);
        return new DerivedKey(path, node, address(node));
    }

    public DerivedKey derive(AddressScheme scheme, int index) {
        return derive(scheme.path(index));
    }

    /** The checksummed address at the path. */
    public String address(DerivationPath path) {
        return address(node(path));
    }

    /** Addresses of accounts start..start+count-1 of the scheme, in order; on all cores for large counts. */
    public List<String> addresses(AddressScheme scheme, int start, int count) {
        return addresses(scheme, start, count, count >= PARALLEL_THRESHOLD);
    }

    public List<String> addresses(AddressScheme scheme, int start, int count, boolean parallel) {
        if (count < 0 || start < 0 || (long) start + count > (1L << 31)) {
            throw new DerivationPathException("Accounts " + start + " to " + ((long) start + count - 1)
                    + " are out of range: indexes go from 0 to 2147483647.");
        }
        innerNode(scheme.parent()); // derive the shared parent once, before the workers start
        IntStream indexes = IntStream.range(start, start + count);
        return (parallel ? indexes.parallel() : indexes).mapToObj(i -> address(scheme.path(i))).toList();
    }

    public static String address(ECKeyPair keyPair) {
        return Keys.toChecksumAddress(Keys.getAddress(keyPair));
    }

    @Override
    public String toString() {
        return "HdKeyring[secret]";
    }
}
