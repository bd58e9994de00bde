package org.hearth.dao;

import java.math.BigInteger;
import java.util.List;
import org.hearth.chain.review.DecodedCall;
import org.hearth.chain.review.ReviewWarning;

/**
 * One action of a proposal in words: what it does as a message key and arguments (the app words it;
 * amounts stay exact integers with the token's decimals and symbol beside them), the decoded call,
 * and what a voter should weigh ({@link ReviewWarning}s).
 */
public record ProposalAction(int index, String target, String targetName, BigInteger value, DecodedCall call, String key,
                             List<String> args, List<ReviewWarning> warnings) {

    /** HRTH (or any ERC-20) leaving the treasury. Args: amount in base units, decimals, symbol, recipient. */
    public static final String TOKEN_TRANSFER = "dao.action.tokenTransfer";
    /** A setter on the governor, the timelock or another known contract. Args: contract name, function, new values. */
    public static final String PARAMETER_CHANGE = "dao.action.parameterChange";
    /** Ether sent with no call. Args: wei, recipient. */
    public static final String ETH_TRANSFER = "dao.action.ethTransfer";
    /** A decoded call that is none of the above. Args: contract (name or address), the call in one line. */
    public static final String CALL = "dao.action.call";
    /** Undecodable data. Args: target, selector, the data's length in bytes. */
    public static final String RAW = "dao.action.raw";

    /** Ether leaves the treasury with this action. Args: wei, recipient. */
    public static final String ETH_LEAVES_TREASURY = "dao.warning.ethLeavesTreasury";

    /** A call that replaces the code behind a proxy or its admin. Args: the function's signature, target, the new implementation (or admin; empty when it does not decode). */
    public static final String UPGRADE_CALL = "dao.warning.upgradeCall";
    /** A function that runs other code in the target's own storage (its name says delegatecall). Args: function name, target. */
    public static final String DELEGATECALL = "dao.warning.delegatecall";
    /** The target is an EIP-1967 proxy: the code that runs is elsewhere and can be replaced. Args: target, its implementation (or beacon). */
    public static final String PROXY_TARGET = "dao.warning.proxyTarget";
    /** The target is an EIP-1967 proxy with an admin, who can replace its code. Args: target, admin. */
    public static final String PROXY_ADMIN = "dao.warning.proxyAdmin";

    /** An address in the action shares its first and last 4 hex characters with a known contract but is another address. Args: address, known name, known address. */
    public static final String LOOK_ALIKE = "dao.warning.lookAlike";

    public ProposalAction {
        args = List.copyOf(args);
        warnings = List.copyOf(warnings);
    }
}
