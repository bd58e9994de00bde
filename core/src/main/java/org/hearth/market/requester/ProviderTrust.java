package org.hearth.market.requester;

/**
 * What a requester knows of one provider's results: how many passed verification in a row, and the
 * totals of checked-good, checked-bad and accepted-unchecked results.
 */
public record ProviderTrust(String provider, long validStreak, long verified, long failed, long unchecked, String lastFailedJob) {

    public static ProviderTrust fresh(String provider) {
        return new ProviderTrust(provider, 0, 0, 0, 0, null);
    }
}
