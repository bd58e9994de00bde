// ethers.js v6 side of "open a vault holding 200 accounts". ethers has no vault, so its honest
// equivalent is: decrypt one keystore (Wallet.fromEncryptedJson, ethers' default scrypt) holding the
// mnemonic, then derive the 200 accounts' addresses again (HDNodeWallet). Prints one JSON line.
import { HDNodeWallet, Wallet, version } from "ethers";

const MNEMONIC = "test test test test test test test test test test test junk";
const PASSWORD = "benchmark password";
const ACCOUNTS = 200;
const runs = Number(process.argv[2] ?? 3);

const setup = HDNodeWallet.fromPhrase(MNEMONIC);
const json = await setup.encrypt(PASSWORD); // not timed: the file a user would have on disk
const scrypt = JSON.parse(json).Crypto?.kdfparams ?? JSON.parse(json).crypto.kdfparams;

const decryptMs = [];
const deriveMs = [];
let addresses = [];
for (let run = 0; run < runs + 1; run++) { // run 0 is the cold run
  const t0 = performance.now();
  const opened = await Wallet.fromEncryptedJson(json, PASSWORD);
  const t1 = performance.now();
  const parent = HDNodeWallet.fromPhrase(opened.mnemonic.phrase, undefined, "m/44'/60'/0'/0");
  addresses = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    addresses.push(parent.deriveChild(i).address);
  }
  const t2 = performance.now();
  decryptMs.push(t1 - t0);
  deriveMs.push(t2 - t1);
}
console.log(JSON.stringify({
  ethers: version, node: process.version, accounts: ACCOUNTS,
  kdf: `scrypt N=${scrypt.n} r=${scrypt.r} p=${scrypt.p}`,
  decryptMs, deriveMs, first: addresses[0], last: addresses[ACCOUNTS - 1],
}));
