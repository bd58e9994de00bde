package org.hearth.market;

import java.math.BigInteger;

/**
 * A job as the market's events describe it (see {@link MarketJobs}): what was posted, who holds it,
 * the result, and how it settled. Addresses lower case; digests {@code 0x} hex; null where no event
 * said it yet (e.g. {@code result} before ResultSubmitted, or every posting field when indexing began after the post).
 */
public record IndexedJob(String market, long id, String requester, Integer kind, String spec, String specUrl, BigInteger price,
                         Long claimWindow, Long execWindow, Long termsId, JobState state, String provider, Long execDeadline,
                         String result, String resultUrl, BigInteger paid, BigInteger fee, String evidence, Long postedBlock,
                         long updatedBlock) {
}
