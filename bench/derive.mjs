// ethers.js v6 side of Hearth's derivation benchmark: reads a mnemonic on stdin, derives addresses
// m/44'/60'/0'/0/i the fast way ethers offers (parent node once, then deriveChild), prints JSON.
import { HDNodeWallet, version } from "ethers";
import { readFileSync } from "node:fs";

const [count = 1000, warmup = 3, rounds = 5] = process.argv.slice(2).map(Number);
const phrase = readFileSync(0, "utf8").trim();

function run() {
  const start = process.hrtime.bigint();
  const parent = HDNodeWallet.fromPhrase(phrase, "", "m/44'/60'/0'/0");
  const addresses = new Array(count);
  for (let i = 0; i < count; i++) {
    addresses[i] = parent.deriveChild(i).address;
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, addresses };
}

const cold = run();
for (let i = 0; i < warmup; i++) run();
const ms = [];
for (let i = 0; i < rounds; i++) ms.push(run().ms);
process.stdout.write(JSON.stringify({ ethers: version, node: process.version, coldMs: cold.ms, ms, addresses: cold.addresses }));
