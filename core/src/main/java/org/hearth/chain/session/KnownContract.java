package org.hearth.chain.session;

import java.util.Optional;
import org.hearth.chain.ContractArtifact;

/**
 * A contract known by name on one chain. {@code address} is checksummed; {@code artifactName} names
 * the ABI Hearth ships for it (null when unknown); {@code source} says whether the demo world
 * deployed it or the user added it.
 */
public record KnownContract(String name, String address, String artifactName, Source source) {

    public enum Source { DEMO, USER }

    /** The ABI and bytecode Hearth ships for this contract, when it ships one. */
    public Optional<ContractArtifact> artifact() {
        return artifactName == null ? Optional.empty() : Optional.of(ContractArtifact.load(artifactName));
    }
}
