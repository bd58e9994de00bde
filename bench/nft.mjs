// ethers.js v6 side of Hearth's NFT benchmark: the naive wallet way on the same anvil and gateway.
// Arguments: RPC URL, CONTRACT, HOLDER, GATEWAY (base URL; ipfs://X/Y is fetched as GATEWAY/ipfs/X/Y), SCREEN (thumbnails
// on the first screen). Discovers the holder's ERC-721 tokens from Transfer logs (one eth_getLogs from block 0, ids
// confirmed with ownerOf), resolves every tokenURI and its JSON (16 in flight, as Hearth), then fetches the first screen's
// images. Prints one JSON line {discoverMs, resolveMs, firstScreenMs, count, ethers, node}.
import { Contract, JsonRpcProvider, Network, id, zeroPadValue, version } from "ethers";

const [url, contract, holder, gateway, screenArg] = process.argv.slice(2);
const screen = Number(screenArg || 24);
const provider = new JsonRpcProvider(url, undefined, { staticNetwork: Network.from(31337), batchMaxCount: 1 });
const nft = new Contract(contract, ["function ownerOf(uint256) view returns (address)", "function tokenURI(uint256) view returns (string)"], provider);
const http = (uri) => uri.startsWith("ipfs://") ? `${gateway}/ipfs/${uri.slice(7)}` : uri;

async function pool(items, limit, work) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  }));
  return out;
}

let start = process.hrtime.bigint();
const logs = await provider.getLogs({ fromBlock: 0, toBlock: "latest",
  topics: [id("Transfer(address,address,uint256)"), null, zeroPadValue(holder, 32)] });
const ids = [...new Set(logs.filter((l) => l.topics.length === 4).map((l) => BigInt(l.topics[3])))];
const owners = await pool(ids, 16, (t) => nft.ownerOf(t));
const owned = ids.filter((t, i) => owners[i].toLowerCase() === holder.toLowerCase());
const discoverMs = Number(process.hrtime.bigint() - start) / 1e6;

start = process.hrtime.bigint();
const metadata = await pool(owned, 16, async (t) => (await fetch(http(await nft.tokenURI(t)))).json());
const resolveMs = Number(process.hrtime.bigint() - start) / 1e6;

start = process.hrtime.bigint();
await pool(metadata.slice(0, screen), 16, async (m) => (await fetch(http(m.image))).arrayBuffer());
const firstScreenMs = Number(process.hrtime.bigint() - start) / 1e6;
provider.destroy();
process.stdout.write(JSON.stringify({ discoverMs, resolveMs, firstScreenMs, count: owned.length, ethers: version, node: process.version }) + "\n");
