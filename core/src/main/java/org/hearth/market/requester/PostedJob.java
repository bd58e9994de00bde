package org.hearth.market.requester;

import java.math.BigInteger;
import org.hearth.compute.blob.Cid;
import org.hearth.compute.blob.JobManifest;

/** A job this requester posted: its id on chain, its manifest and the manifest's blob id (the {@code spec}), and its escrowed price. */
public record PostedJob(BigInteger id, JobManifest manifest, Cid spec, BigInteger price) {
}
