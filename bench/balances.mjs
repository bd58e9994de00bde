// ethers.js v6 side of Hearth's token balances benchmark. Arguments: the RPC URL and ACCOUNT. Each
// stdin line is a comma-separated list of token addresses: one round of balanceOf(ACCOUNT) for each
// token as its own eth_call (all in flight at once, no JSON-RPC batching), answers one JSON line
// {ms, trips, count, ethers, node}.
import { Contract, JsonRpcProvider, Network, version } from "ethers";
import { createInterface } from "node:readline";

const [url, account] = process.argv.slice(2);
const abi = ["function balanceOf(address) view returns (uint256)"];

for await (const line of createInterface({ input: process.stdin })) {
  const tokens = line.trim().split(",");
  const start = process.hrtime.bigint();
  const provider = new JsonRpcProvider(url, undefined, { staticNetwork: Network.from(31337), batchMaxCount: 1 });
  let trips = 0;
  provider.on("debug", (e) => { if (e.action === "sendRpcPayload") trips++; });
  const balances = await Promise.all(tokens.map((t) => new Contract(t, abi, provider).balanceOf(account).catch(() => null)));
  provider.destroy();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, trips, count: balances.length, ethers: version, node: process.version }) + "\n");
}
