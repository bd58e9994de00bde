package org.hearth.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigInteger;
import java.util.Map;

/** Test helper: proposal ids from the governor's ProposalCreated events. */
final class DevChainLogs {

    private static final String PROPOSAL_CREATED = org.web3j.crypto.Hash.sha3String(
            "ProposalCreated(uint256,address,address[],uint256[],string[],bytes[],uint256,uint256,string)");

    private final DevChain dev;

    DevChainLogs(DevChain dev) {
        this.dev = dev;
    }

    JsonNode proposalIds(String governor) {
        JsonNode logs = dev.rpc().call("eth_getLogs", Map.of("address", governor, "fromBlock", "0x0", "toBlock", "latest",
                "topics", new String[] {PROPOSAL_CREATED}));
        ArrayNode ids = new ObjectMapper().createArrayNode();
        for (JsonNode log : logs) {
            String data = log.path("data").asText();
            ids.add(new BigInteger(data.substring(2, 66), 16).toString());
        }
        return ids;
    }
}
