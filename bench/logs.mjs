// ethers.js v6 side of Hearth's log indexing benchmark. Arguments: the RPC URL and CHUNK (blocks per
// call). Each stdin line "FROM TO ACCOUNT" runs one round: provider.getLogs for ERC-20 Transfer from
// ACCOUNT and to ACCOUNT over blocks FROM..TO in chunks of CHUNK blocks (one whole-range call made anvil
// take minutes to answer), Interface.parseLog on every log, kept in memory; answers one JSON line
// {ms, count, ethers, node}.
import { Interface, JsonRpcProvider, Network, zeroPadValue, version } from "ethers";
import { createInterface } from "node:readline";

const url = process.argv[2];
const chunk = Number(process.argv[3] ?? 4);
const erc20 = new Interface(["event Transfer(address indexed from, address indexed to, uint256 value)"]);
const transfer = erc20.getEvent("Transfer").topicHash;

for await (const line of createInterface({ input: process.stdin })) {
  const [from, to, account] = line.trim().split(/\s+/);
  const start = process.hrtime.bigint();
  const provider = new JsonRpcProvider(url, undefined, { staticNetwork: Network.from(31337), batchMaxCount: 1 });
  const word = zeroPadValue(account, 32);
  const kept = [];
  for (let start = Number(from); start <= Number(to); start += chunk) {
    const end = Math.min(Number(to), start + chunk - 1);
    for (const topics of [[transfer, word], [transfer, null, word]]) {
      const logs = await provider.getLogs({ fromBlock: start, toBlock: end, topics });
      for (const log of logs) {
        const parsed = erc20.parseLog(log);
        kept.push({ token: log.address, block: log.blockNumber, tx: log.transactionHash, index: log.index,
          from: parsed.args.from, to: parsed.args.to, value: parsed.args.value });
      }
    }
  }
  provider.destroy();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, count: kept.length, ethers: version, node: process.version }) + "\n");
}
