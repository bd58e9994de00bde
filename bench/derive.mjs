// ethers.js v6 side of Hearth's derivation benchmark. Reads the mnemonic on the first line of stdin, then
// runs one round per further line ("addresses" or "time") and answers one JSON line each, so that the Java
// side can interleave its rounds with these and both see the same machine load. A round derives COUNT
// addresses m/44'/60'/0'/0/i the fast way ethers offers: the parent node once, then deriveChild.
import { HDNodeWallet, version } from "ethers";
import { createInterface } from "node:readline";

const count = Number(process.argv[2] ?? 1000);
let phrase = null;

for await (const line of createInterface({ input: process.stdin })) {
  if (phrase === null) {
    phrase = line.trim();
    continue;
  }
  const start = process.hrtime.bigint();
  const parent = HDNodeWallet.fromPhrase(phrase, "", "m/44'/60'/0'/0");
  const addresses = new Array(count);
  for (let i = 0; i < count; i++) {
    addresses[i] = parent.deriveChild(i).address;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const answer = { ms, ethers: version, node: process.version };
  if (line.trim() === "addresses") answer.addresses = addresses;
  process.stdout.write(JSON.stringify(answer) + "\n");
}
