package org.hearth.chain.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.chain.Addresses;
import org.hearth.chain.ContractArtifact;
import org.hearth.store.DemoWorldRepository;
import org.hearth.store.KnownContractRepository;

/**
 * The contracts a session knows by name: the demo world's (recorded per chain id and genesis hash, so
 * a reset chain forgets them) and those the user added (per chain id). Read from SQLite on each
 * lookup, so a demo world deployed after the session opened is found at once.
 */
public final class ContractRegistry {

    private static final int MAX_NAME_LENGTH = 64;

    private final long chainId;
    private final String genesisHash;
    private final DemoWorldRepository demo;
    private final KnownContractRepository user;

    public ContractRegistry(long chainId, String genesisHash, DemoWorldRepository demo, KnownContractRepository user) {
        this.chainId = chainId;
        this.genesisHash = genesisHash;
        this.demo = demo;
        this.user = user;
    }

    /** The demo world's contracts in deployment order, then the user's by name. */
    public List<KnownContract> all() {
        List<KnownContract> out = new ArrayList<>();
        for (Map.Entry<String, String> e : demo.contracts(chainId, genesisHash).entrySet()) {
            out.add(new KnownContract(e.getKey(), Addresses.checksummed(e.getValue()),
                    artifactExists(e.getKey()) ? e.getKey() : null, KnownContract.Source.DEMO));
        }
        for (KnownContractRepository.Entry e : user.list(chainId)) {
            out.add(new KnownContract(e.name(), Addresses.checksummed(e.address()), e.artifact(), KnownContract.Source.USER));
        }
        return out;
    }

    public Optional<KnownContract> byAddress(String address) {
        return all().stream().filter(c -> c.address().equalsIgnoreCase(address)).findFirst();
    }

    /** Names match without regard to case. */
    public Optional<KnownContract> byName(String name) {
        return all().stream().filter(c -> c.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /**
     * Remembers a contract on this chain under {@code name} (renaming it when the address is already
     * the user's); {@code artifactName}, when given, must be an ABI Hearth ships.
     */
    public KnownContract add(String name, String address, String artifactName) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A contract name needs 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (!Addresses.isValid(address)) {
            throw new IllegalArgumentException("Not a valid contract address (check the checksum): " + address);
        }
        if (artifactName != null && !artifactExists(artifactName)) {
            throw new IllegalArgumentException("Hearth ships no ABI named " + artifactName);
        }
        byName(trimmed).filter(c -> !c.address().equalsIgnoreCase(address)).ifPresent(c -> {
            throw new IllegalArgumentException("The name " + trimmed + " is already used for " + c.address());
        });
        byAddress(address).filter(c -> c.source() == KnownContract.Source.DEMO).ifPresent(c -> {
            throw new IllegalArgumentException(c.address() + " is the demo world's " + c.name());
        });
        user.put(chainId, address, trimmed, artifactName);
        return new KnownContract(trimmed, Addresses.checksummed(address), artifactName, KnownContract.Source.USER);
    }

    /** Forgets a contract the user added; the demo world's stay. */
    public boolean remove(String address) {
        return user.remove(chainId, address);
    }

    /** Whether {@link ContractArtifact#load} would find the artifact (without reading it). */
    private static boolean artifactExists(String name) {
        return name.matches("[A-Za-z0-9_]+") && ContractArtifact.class.getResource("/org/hearth/contracts/" + name + ".json") != null;
    }
}
